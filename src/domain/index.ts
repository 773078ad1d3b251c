/**
 * @module domain
 * The bot's content as data: `loadDomain` reads and merges `domain.json` files; the queries and
 * the keyword matcher are what the dialogs and the turn handler read of it.
 */
export { BUILT_IN_DOMAIN_FILE, builtInDomain } from './built-in-domain';
export { DomainError } from './domain-error';
export { domainIntents, faqTagOf, flowIntents } from './domain-queries';
export { KeywordMatcher, wordsOf, type KeywordMode, type RefinementWord } from './keyword-matcher';
export { checkResponseKeys, loadDomain, type LoadDomainOptions } from './load-domain';
export { StaffHours, type StaffHoursData } from './staff-hours';
export * from './types';
