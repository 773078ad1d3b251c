/**
 * @module widget/locale
 * The widget's two languages: normalising a locale tag and picking the text of a field that
 * may be localised (`{zh, en}`).
 */
import type { Locale } from '../core/shop';

/**
 * @example normLocale('zh-Hant') // 'zh'
 * @example normLocale('fr') // 'en'
 */
export function normLocale(value: unknown): Locale {
  return String(value || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The tag `Intl` and the `lang` attribute get. */
export function intlLocale(lang: Locale): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US';
}

/**
 * The text of a field from the server: a string, a number, a list, or `{zh, en}` (the best key
 * for `lang`, else the first). Anything else is never trusted to be text.
 * @example pick({ zh: '手机', en: 'Phone' }, 'en') // 'Phone'
 */
export function pick(value: unknown, lang: Locale): string {
  if (value == null) return '';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return value.map((v) => pick(v, lang)).join(', ');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] != null);
  const own = keys.find((k) => k.toLowerCase() === lang || k.toLowerCase().startsWith(lang + '-'));
  const key = own ?? keys[0];
  return key == null ? '' : pick(record[key], lang);
}
