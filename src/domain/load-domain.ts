/**
 * @module domain/load-domain
 * Reads domain files and merges them in order, later files over earlier ones (the built-in
 * `domain.json` first, a shop's last): an `intents` entry replaces the entry of the same name,
 * a new name adds an intent, `null` removes one; `thresholds`, `keywords` and `staffHours` merge
 * per key. The merged domain must be whole: every threshold and keyword list, staff hours, the
 * `oos` intent, buttons that send intents it has, and (given the responses) response keys that exist.
 */
import fs from 'node:fs';
import { DomainError } from './domain-error';
import { StaffHours, type StaffHoursData } from './staff-hours';
import { KEYWORD_LISTS, type Domain, type DomainFile, type IntentEntry, type Keywords, type Thresholds } from './types';
import { THRESHOLDS, validateDomainFile } from './validate-domain-file';

export interface LoadDomainOptions {
  /** The response templates (`dialogs/`): `response` answers and button titles must be their keys. */
  responses?: { has(key: string): boolean };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DomainError(file, '', `cannot be read: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DomainError(file, '', `is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

/** What the merge has so far, with the file each part came from. */
interface Merged {
  intents: Record<string, IntentEntry>;
  sources: Record<string, string>;
  thresholds: Partial<Thresholds>;
  keywords: Partial<Keywords>;
  staffHours: Partial<StaffHoursData>;
  /** The last file that set staff hours (a bad value is reported against it). */
  staffHoursFile?: string;
}

function mergeFile(into: Merged, file: string, domain: DomainFile): void {
  for (const [name, entry] of Object.entries(domain.intents ?? {})) {
    if (entry === null) {
      delete into.intents[name];
      delete into.sources[name];
    } else {
      into.intents[name] = entry;
      into.sources[name] = file;
    }
  }
  Object.assign(into.thresholds, domain.thresholds);
  Object.assign(into.keywords, domain.keywords);
  if (domain.staffHours) {
    Object.assign(into.staffHours, domain.staffHours);
    into.staffHoursFile = file;
  }
}

function checkWhole(merged: Merged, files: readonly string[]): Domain {
  const last = files[files.length - 1];
  const missing = (what: string) => new DomainError(last, what, `is not set by any of ${files.join(', ')}`);
  if (!merged.intents.oos) throw missing('intents["oos"]');
  for (const key of THRESHOLDS) if (merged.thresholds[key] === undefined) throw missing(`thresholds.${key}`);
  for (const key of KEYWORD_LISTS) if (!merged.keywords[key]) throw missing(`keywords.${key}`);
  if (!merged.staffHoursFile) throw missing('staffHours');
  try {
    new StaffHours(merged.staffHours as StaffHoursData);
  } catch (err) {
    throw new DomainError(merged.staffHoursFile, 'staffHours', (err as Error).message.replace(/^staff hours: /, ''), { cause: err });
  }
  for (const [name, entry] of Object.entries(merged.intents)) {
    if (entry.answer.kind !== 'response') continue;
    (entry.answer.buttons ?? []).forEach((b, i) => {
      if (!merged.intents[b.intent]) throw new DomainError(merged.sources[name], `intents[${JSON.stringify(name)}].answer.buttons[${i}].intent`, `"${b.intent}" is not an intent of the domain`);
    });
  }
  return {
    intents: merged.intents,
    sources: merged.sources,
    thresholds: merged.thresholds as Thresholds,
    keywords: merged.keywords as Keywords,
    staffHours: merged.staffHours as StaffHoursData,
  };
}

/**
 * Loads and merges domain files, in order (later files win).
 * @example const domain = loadDomain([path.join(REPO_ROOT, 'domain.json'), 'my-shop/domain.json'], { responses });
 * @throws DomainError naming the file and the JSON path of the problem
 */
export function loadDomain(files: readonly string[], options: LoadDomainOptions = {}): Domain {
  if (files.length === 0) throw new DomainError('(no files)', '', 'no domain files given');
  const merged: Merged = { intents: {}, sources: {}, thresholds: {}, keywords: {}, staffHours: {} };
  for (const file of files) mergeFile(merged, file, validateDomainFile(file, readJson(file)));
  const domain = checkWhole(merged, files);
  if (options.responses) checkResponseKeys(domain, options.responses);
  return domain;
}

/**
 * Throws unless every `response` answer and button title is a key of the responses (`dialogs/`).
 * @example checkResponseKeys(domain, Responses.load(content.dialogFiles))
 * @throws DomainError naming the file that declared the answer
 */
export function checkResponseKeys(domain: Domain, responses: { has(key: string): boolean }): void {
  for (const [name, entry] of Object.entries(domain.intents)) {
    if (entry.answer.kind !== 'response') continue;
    const at = `intents[${JSON.stringify(name)}].answer`;
    const file = domain.sources[name];
    if (!responses.has(entry.answer.text)) throw new DomainError(file, `${at}.text`, `"${entry.answer.text}" is not a response key of dialogs/`);
    entry.answer.buttons?.forEach((b, i) => {
      if (!responses.has(b.title)) throw new DomainError(file, `${at}.buttons[${i}].title`, `"${b.title}" is not a response key of dialogs/`);
    });
  }
}
