/**
 * @module nlp/corpus
 * Loads the intent corpus: `intents/<domain>.<locale>.json`, each
 * `{"locale":"zh","domain":"order","data":[{"intent":"order.status","utterances":[…],"tests":[…]}]}`.
 * `utterances` are for training, `tests` are held out for scoring. Every problem is reported with
 * its file and place. `intents/dev/<locale>.jsonl` (JSON Lines `{"text","intent"}`, read by
 * `readExamples`, not here) is the list to look at while improving the training utterances; the
 * held-out `tests` stay the acceptance test, never studied for misses.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Locale } from '../core/shop';
import { LOCALES } from '../core/shop';
import { builtInDomain } from '../domain/built-in-domain';
import { domainIntents } from '../domain/domain-queries';
import type { IntentExample } from './corpus-types';
import { CorpusError } from './corpus-error';

export interface IntentCorpus {
  train: IntentExample[];
  tests: IntentExample[];
  /** Files read, in reading order (a folder's sorted; the model cache hashes them). */
  files: string[];
}

export interface CorpusOptions {
  /** Intent names allowed in the corpus: the merged domain's (`domainIntents(domain)`). @default the built-in `domain.json`'s */
  intents: readonly string[];
  /**
   * Also require training utterances in every locale for every one of `intents` except `oos` (a
   * domain intent the NLU never learned could never be recognised).
   * @default false
   */
  complete: boolean;
}

const FILE_NAME = /^([a-z][a-z0-9_-]*)\.([a-z]{2})\.json$/;

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string' && s.trim() !== '');
}

/** Validates one parsed corpus file and appends its examples. */
function readFile(file: string, json: unknown, known: ReadonlySet<string>, out: IntentCorpus): void {
  const name = FILE_NAME.exec(file.split(/[\\/]/).pop() ?? '');
  if (!name) throw new CorpusError(file, 'file name must be <domain>.<locale>.json');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new CorpusError(file, 'top level must be an object');
  const { locale, domain, data } = json as Record<string, unknown>;
  if (!LOCALES.includes(locale as Locale)) throw new CorpusError(file, `locale must be one of ${LOCALES.join(', ')} (got ${JSON.stringify(locale)})`);
  if (locale !== name[2]) throw new CorpusError(file, `locale "${String(locale)}" does not match the file name`);
  if (domain !== name[1]) throw new CorpusError(file, `domain ${JSON.stringify(domain)} does not match the file name`);
  if (!Array.isArray(data) || data.length === 0) throw new CorpusError(file, 'data must be a non-empty array');
  data.forEach((entry: unknown, i) => {
    const at = `data[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new CorpusError(file, `${at} must be an object`);
    const { intent, utterances, tests } = entry as Record<string, unknown>;
    if (typeof intent !== 'string' || !known.has(intent)) throw new CorpusError(file, `${at}.intent ${JSON.stringify(intent)} is not a known intent (not in the domain)`);
    if (!isStringArray(utterances) || utterances.length === 0) throw new CorpusError(file, `${at}.utterances must be a non-empty array of non-empty strings`);
    if (tests !== undefined && !isStringArray(tests)) throw new CorpusError(file, `${at}.tests must be an array of non-empty strings`);
    for (const text of utterances) out.train.push({ text, intent, locale: locale as Locale });
    for (const text of tests ?? []) out.tests.push({ text, intent, locale: locale as Locale });
  });
}

/** The `*.json` files of a folder, sorted. */
function filesOf(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  } catch (err) {
    throw new CorpusError(dir, 'cannot read the intents folder', { cause: err });
  }
  if (names.length === 0) throw new CorpusError(dir, 'no *.json intent files');
  return names.map((name) => join(dir, name));
}

/**
 * Reads every `*.json` file of a folder (sorted), or the given files in the given order
 * (a shop folder's resolved list: built-in first, shop last).
 * @example const { train, tests } = loadIntentCorpus('intents');
 * @example loadIntentCorpus(['intents/order.zh.json', 'shops/demo/intents/promo.zh.json'], { intents: domainIntents(domain) })
 * @throws CorpusError naming the file and the problem
 */
export function loadIntentCorpus(source: string | readonly string[], options: Partial<CorpusOptions> = {}): IntentCorpus {
  const known = new Set(options.intents ?? domainIntents(builtInDomain()));
  const files = typeof source === 'string' ? filesOf(source) : [...source];
  if (files.length === 0) throw new CorpusError('(no files)', 'no intent files given');
  const out: IntentCorpus = { train: [], tests: [], files: [] };
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      const problem = (err as NodeJS.ErrnoException).code ? `cannot read the file: ${(err as Error).message}` : `invalid JSON: ${(err as Error).message}`;
      throw new CorpusError(file, problem, { cause: err });
    }
    readFile(file, json, known, out);
    out.files.push(file);
  }
  if (options.complete) checkComplete(out, known);
  return out;
}

/** Throws unless every intent but `oos` has training utterances in every locale. */
function checkComplete(corpus: IntentCorpus, intents: ReadonlySet<string>): void {
  const seen = new Set(corpus.train.map((e) => `${e.locale}:${e.intent}`));
  for (const intent of intents) {
    if (intent === 'oos') continue;
    const missing = LOCALES.filter((locale) => !seen.has(`${locale}:${intent}`));
    if (missing.length > 0) {
      throw new CorpusError(corpus.files.join(', '), `intent "${intent}" (in the domain) has no ${missing.join(' or ')} training utterances`);
    }
  }
}
