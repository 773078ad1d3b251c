/**
 * @module domain/responses
 * Response templates from `dialogs/*.json`: each file holds `{"zh": {key: text}, "en": {…}}`
 * and its keys are namespaced by the file name (`order.json` → `order.askOrderId`).
 * A template is a string or a list of variants; `{name}` placeholders are filled from `vars`.
 *
 * Several folders or files can be layered (the package's built-in `dialogs/` first, a shop's last):
 * they merge per response key, a later file's key overriding an earlier one's. The languages are
 * the top-level keys the files hold, so a third language is data: every language must end up
 * with the same keys as the others.
 */
import fs from 'node:fs';
import path from 'node:path';

type Template = string | string[];
type ResponseFile = Record<string, Record<string, Template>>;

/** Where one language's text of one key came from, for error messages. */
type Origins = Map<string, Map<string, string>>;

export class Responses {
  private constructor(
    private readonly templates: ReadonlyMap<string, Readonly<Record<string, Template>>>,
  ) {}

  /**
   * Loads a folder's `*.json` (sorted by name), or a list of files and folders in merge order.
   * Throws, naming the file, when a file is not a response file or when a key is missing in a
   * language that another file defines it in.
   * @example Responses.load([path.join(root, 'dialogs'), path.join(shopDir, 'dialogs', 'order.json')])
   */
  static load(dirOrFiles: string | readonly string[]): Responses {
    const files = (typeof dirOrFiles === 'string' ? [dirOrFiles] : dirOrFiles).flatMap(expand);
    const templates = new Map<string, Record<string, Template>>();
    const origins: Origins = new Map();
    for (const file of files) {
      const ns = path.basename(file, '.json');
      const parsed = readResponseFile(file);
      if (!parsed) continue;
      for (const [locale, entries] of Object.entries(parsed)) {
        if (!templates.has(locale)) {
          templates.set(locale, {});
          origins.set(locale, new Map());
        }
        for (const [key, value] of Object.entries(entries)) {
          templates.get(locale)![`${ns}.${key}`] = value;
          origins.get(locale)!.set(`${ns}.${key}`, file);
        }
      }
    }
    checkParity(origins);
    return new Responses(templates);
  }

  /** The languages the templates are written in, e.g. `['zh', 'en']`. */
  locales(): readonly string[] {
    return [...this.templates.keys()];
  }

  /** Whether the key has texts (every language has the same keys, so asking one is enough). */
  has(key: string): boolean {
    const [first] = this.templates.values();
    return first !== undefined && key in first;
  }

  /**
   * A template's variants as written (placeholders unfilled), for a caller that picks one
   * itself (e.g. not the same one twice in a row).
   * @example responses.variants('en', 'empathy.opening')[2]
   */
  variants(locale: string, key: string): readonly string[] {
    const template = this.templates.get(locale)?.[key];
    if (template === undefined) throw new Error(`no response "${key}" for ${locale}`);
    return Array.isArray(template) ? template : [template];
  }

  /**
   * @example responses.text('zh', 'order.notFound', { orderId: 'DD2026…' })
   */
  text(locale: string, key: string, vars: Record<string, string | number> = {}): string {
    const variants = this.variants(locale, key);
    const chosen = variants[Math.floor(Math.random() * variants.length)];
    return fill(chosen, vars);
  }

  /**
   * A template's text in every language, placeholders filled (always the first variant, so the
   * result is stable): for a label shown in each language at once.
   * @example responses.everyLocale('order.status.shipped') // {zh: '已发货', en: 'shipped'}
   */
  everyLocale(key: string, vars: Record<string, string | number> = {}): Record<string, string> {
    return Object.fromEntries(this.locales().map((locale) => [locale, fill(this.variants(locale, key)[0], vars)]));
  }
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

function expand(fileOrDir: string): string[] {
  if (!fs.statSync(fileOrDir).isDirectory()) return [fileOrDir];
  return fs.readdirSync(fileOrDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(fileOrDir, f));
}

/** A language tag as files key their texts by: `zh`, `en`, `pt-BR`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * A response file's content, or undefined for a JSON file keyed by no language at all: the
 * folder may also hold settings files that are not response templates.
 */
function readResponseFile(file: string): ResponseFile | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`, { cause: err });
  }
  if (!isObject(parsed)) throw new Error(`${file}: expected {"<language>": {"<key>": text}}`);
  if (!Object.keys(parsed).some((k) => LANGUAGE_TAG.test(k))) return undefined;
  // `$comment` (or any `$`-key) is a note for the shop owner, as in the intents and domain files.
  for (const key of Object.keys(parsed).filter((k) => k.startsWith('$'))) delete parsed[key];
  for (const [locale, entries] of Object.entries(parsed)) {
    if (!LANGUAGE_TAG.test(locale)) throw new Error(`${file}: "${locale}" is not a language tag (zh, en, …)`);
    if (!isObject(entries)) throw new Error(`${file}: "${locale}" must map keys to texts`);
    for (const [key, value] of Object.entries(entries)) {
      const ok = typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
      if (!ok) throw new Error(`${file}: ${locale}.${key} must be a text or a non-empty list of texts`);
    }
  }
  return parsed as ResponseFile;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every language must have every key some language has; the error names the file that has it. */
function checkParity(origins: Origins): void {
  const problems: string[] = [];
  for (const [locale, keys] of origins) {
    for (const [other, otherKeys] of origins) {
      if (other === locale) continue;
      for (const [key, file] of keys) {
        if (!otherKeys.has(key)) problems.push(`${file}: "${key}" has ${locale} but no ${other}`);
      }
    }
  }
  if (problems.length) throw new Error(`every language must have the same response keys:\n  ${problems.join('\n  ')}`);
}
