/**
 * @module domain/domain-queries
 * What the rest of the bot asks of a domain: its intents, which of them start a flow of their
 * own, the FAQ tag an intent prefers.
 */
import type { Domain } from './types';

/** Every intent the domain answers (the NLU's labels; `oos` included). */
export function domainIntents(domain: Domain): string[] {
  return Object.keys(domain.intents);
}

const flowSets = new WeakMap<Domain, ReadonlySet<string>>();

/** Intents that start a flow of their own (answers of kind `flow` or `handoff`): they replace a flow in progress. */
export function flowIntents(domain: Domain): ReadonlySet<string> {
  let set = flowSets.get(domain);
  if (!set) {
    const kinds = new Set(['flow', 'handoff']);
    set = new Set(Object.entries(domain.intents).filter(([, e]) => kinds.has(e.answer.kind)).map(([name]) => name));
    flowSets.set(domain, set);
  }
  return set;
}

/** The FAQ tag an intent's answer prefers: its `faqTag`, else its `faq` answer's `tag`. */
export function faqTagOf(domain: Domain, intent: string): string | undefined {
  const entry = domain.intents[intent];
  if (!entry) return undefined;
  return entry.faqTag ?? (entry.answer.kind === 'faq' ? entry.answer.tag : undefined);
}
