/**
 * @module dialogs/responses
 * Response templates from `dialogs/*.json`: each file holds `{"zh": {key: text}, "en": {…}}`
 * and its keys are namespaced by the file name (`order.json` → `order.askOrderId`).
 * A template is a string or a list of variants; `{name}` placeholders are filled from `vars`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LOCALES, type Locale } from '../core/shop';

type Template = string | string[];

export class Responses {
  private constructor(private readonly templates: Record<Locale, Record<string, Template>>) {}

  /** Loads every `*.json` of the folder; both locales must define the same keys. */
  static load(dir: string): Responses {
    const templates: Record<Locale, Record<string, Template>> = { zh: {}, en: {} };
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const ns = path.basename(file, '.json');
      const parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, Record<string, Template>>;
      for (const locale of LOCALES) {
        for (const [key, value] of Object.entries(parsed[locale] ?? {})) templates[locale][`${ns}.${key}`] = value;
      }
      const missing = Object.keys(parsed.zh ?? {}).filter((k) => !(k in (parsed.en ?? {})));
      const extra = Object.keys(parsed.en ?? {}).filter((k) => !(k in (parsed.zh ?? {})));
      if (missing.length || extra.length) {
        throw new Error(`${file}: zh and en must have the same keys (only zh: ${missing.join(', ') || '-'}; only en: ${extra.join(', ') || '-'})`);
      }
    }
    return new Responses(templates);
  }

  has(key: string): boolean {
    return key in this.templates.zh;
  }

  /**
   * A template's variants as written (placeholders unfilled), for a caller that picks one
   * itself (e.g. not the same one twice in a row).
   * @example responses.variants('en', 'empathy.opening')[2]
   */
  variants(locale: Locale, key: string): readonly string[] {
    const template = this.templates[locale][key];
    if (template === undefined) throw new Error(`no response "${key}" for ${locale}`);
    return Array.isArray(template) ? template : [template];
  }

  /**
   * @example responses.text('zh', 'order.notFound', { orderId: 'DD2026…' })
   */
  text(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
    const variants = this.variants(locale, key);
    const chosen = variants[Math.floor(Math.random() * variants.length)];
    return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  }
}
