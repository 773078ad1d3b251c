/**
 * @module domain/validate-domain-file
 * Checks one parsed `domain.json` on its own (shapes, kinds, names, ranges); what needs the
 * merged domain (button intents, response keys) is checked by `loadDomain`. Every error names
 * the file and the JSON path.
 */
import { LOCALES } from '../core/shop';
import { DomainError } from './domain-error';
import { KEYWORD_LISTS, SKILLS, type Answer, type DomainFile, type IntentEntry, type Thresholds } from './types';

/** The flows an answer may start, with their actions. */
export const FLOWS: Readonly<Record<string, readonly string[]>> = { order: ['status', 'cancel', 'change_address'] };
export const THRESHOLDS: readonly (keyof Thresholds)[] = ['clarifyMargin', 'clarifyMinSecond', 'interrupt', 'offTopic', 'addressInterrupt', 'productNamed', 'faqOnTopic'];
const KINDS = ['flow', 'faq', 'handoff', 'response', 'skill'];
const FIELDS: Record<string, string[]> = {
  flow: ['flow', 'action'],
  faq: ['tag'],
  handoff: ['reason'],
  response: ['text', 'buttons'],
  skill: ['skill', 'action', 'menu'],
};
/** Dotted lower-case names, as the corpus uses: `order.status`, `oos`. */
const INTENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isName = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const list = (xs: readonly string[]) => xs.join(', ');

class Checker {
  constructor(readonly file: string) {}

  fail(at: string, problem: string): never {
    throw new DomainError(this.file, at, problem);
  }

  object(x: unknown, at: string): Json {
    if (!isObject(x)) this.fail(at, 'must be an object');
    return x;
  }

  onlyFields(x: Json, allowed: readonly string[], at: string): void {
    for (const key of Object.keys(x)) if (!allowed.includes(key)) this.fail(at ? `${at}.${key}` : key, `is not a known field (known: ${list(allowed)})`);
  }

  name(x: unknown, at: string): string {
    if (!isName(x)) this.fail(at, 'must be a non-empty string');
    return x;
  }

  oneOf<T extends string>(x: unknown, allowed: readonly T[], at: string, what: string): T {
    if (!allowed.includes(x as T)) this.fail(at, `${JSON.stringify(x)} is not a known ${what} (known: ${list(allowed)})`);
    return x as T;
  }
}

function answer(c: Checker, x: unknown, at: string): Answer {
  const a = c.object(x, at);
  const kind = c.oneOf(a.kind, KINDS, `${at}.kind`, 'answer kind');
  c.onlyFields(a, ['kind', ...FIELDS[kind]], at);
  switch (kind) {
    case 'flow': {
      const flow = c.oneOf(a.flow, Object.keys(FLOWS), `${at}.flow`, 'flow');
      c.oneOf(a.action, FLOWS[flow], `${at}.action`, `action of the ${flow} flow`);
      break;
    }
    case 'faq':
      if (a.tag !== undefined) c.name(a.tag, `${at}.tag`);
      break;
    case 'handoff':
      if (a.reason !== undefined) c.name(a.reason, `${at}.reason`);
      break;
    case 'response': {
      c.name(a.text, `${at}.text`);
      if (a.buttons === undefined) break;
      if (!Array.isArray(a.buttons)) c.fail(`${at}.buttons`, 'must be an array');
      a.buttons.forEach((b: unknown, i) => {
        const button = c.object(b, `${at}.buttons[${i}]`);
        c.onlyFields(button, ['title', 'intent'], `${at}.buttons[${i}]`);
        c.name(button.title, `${at}.buttons[${i}].title`);
        c.name(button.intent, `${at}.buttons[${i}].intent`);
      });
      break;
    }
    case 'skill':
      c.oneOf(a.skill, SKILLS, `${at}.skill`, 'skill');
      if (a.action !== undefined) {
        if (a.skill !== 'returnOrRefund') c.fail(`${at}.action`, 'is only for the returnOrRefund skill');
        c.oneOf(a.action, ['return', 'refund'], `${at}.action`, 'action of returnOrRefund');
      }
      if (a.menu !== undefined && typeof a.menu !== 'boolean') c.fail(`${at}.menu`, 'must be true or false');
      break;
  }
  return a as unknown as Answer;
}

function intents(c: Checker, x: unknown): Record<string, IntentEntry | null> {
  const all = c.object(x, 'intents');
  for (const [name, entry] of Object.entries(all)) {
    const at = `intents[${JSON.stringify(name)}]`;
    if (!INTENT_NAME.test(name)) c.fail(at, 'is not an intent name (lower-case words joined by dots, e.g. "gift.wrap")');
    if (entry === null) {
      if (name === 'oos') c.fail(at, 'cannot be removed: oos is what the bot says to everything else');
      continue;
    }
    const e = c.object(entry, at);
    c.onlyFields(e, ['answer', 'faqTag'], at);
    answer(c, e.answer, `${at}.answer`);
    if (e.faqTag !== undefined) c.name(e.faqTag, `${at}.faqTag`);
  }
  return all as Record<string, IntentEntry | null>;
}

function thresholds(c: Checker, x: unknown): Partial<Thresholds> {
  const all = c.object(x, 'thresholds');
  c.onlyFields(all, THRESHOLDS, 'thresholds');
  for (const [key, value] of Object.entries(all)) {
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) c.fail(`thresholds.${key}`, `must be a number from 0 to 1 (got ${JSON.stringify(value)})`);
  }
  return all as Partial<Thresholds>;
}

function keywords(c: Checker, x: unknown): DomainFile['keywords'] {
  const all = c.object(x, 'keywords');
  c.onlyFields(all, KEYWORD_LISTS, 'keywords');
  for (const [key, value] of Object.entries(all)) {
    const lists = c.object(value, `keywords.${key}`);
    c.onlyFields(lists, LOCALES, `keywords.${key}`);
    for (const locale of LOCALES) {
      const words = lists[locale];
      if (!Array.isArray(words) || words.length === 0 || !words.every(isName)) {
        c.fail(`keywords.${key}.${locale}`, `must be a non-empty list of words (every keyword list has ${list(LOCALES)})`);
      }
    }
  }
  return all as DomainFile['keywords'];
}

/**
 * Checks one parsed domain file.
 * @example validateDomainFile('shops/demo/domain.json', JSON.parse(text))
 * @throws DomainError naming the file and the JSON path
 */
export function validateDomainFile(file: string, json: unknown): DomainFile {
  const c = new Checker(file);
  const top = c.object(json, '(top level)');
  c.onlyFields(top, ['intents', 'thresholds', 'keywords', 'staffHours'], '');
  return {
    ...(top.intents !== undefined ? { intents: intents(c, top.intents) } : {}),
    ...(top.thresholds !== undefined ? { thresholds: thresholds(c, top.thresholds) } : {}),
    ...(top.keywords !== undefined ? { keywords: keywords(c, top.keywords) } : {}),
    ...(top.staffHours !== undefined ? { staffHours: c.object(top.staffHours, 'staffHours') as unknown as DomainFile['staffHours'] } : {}),
  };
}
