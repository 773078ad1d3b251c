/**
 * @module widget/format
 * Money and dates in the shopper's language, falling back to the raw value rather than failing.
 */
import type { Locale } from '../core/shop';
import { intlLocale } from './locale';

/** @example fmtMoney(2999, 'CNY', 'zh') // '¥2,999.00' */
export function fmtMoney(amount: unknown, currency: unknown, lang: Locale): string {
  const n = typeof amount === 'number' ? amount : Number(amount);
  if (amount == null || amount === '' || !Number.isFinite(n)) return amount == null ? '' : String(amount);
  const code = typeof currency === 'string' && currency ? currency : 'CNY';
  try {
    return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: code }).format(n);
  } catch {
    return `${typeof currency === 'string' ? currency : ''} ${n.toFixed(2)}`.trim();
  }
}

/** A date (`2026-11-03`) or an ISO time; `withTime` adds the time of an ISO time. */
export function fmtDate(value: unknown, lang: Locale, withTime: boolean): string {
  if (!value) return '';
  const s = String(value);
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s;
  // A bare date is midnight UTC; format it in UTC so it does not shift a day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  const opts: Intl.DateTimeFormatOptions =
    dateOnly || !withTime
      ? { dateStyle: 'medium', timeZone: dateOnly ? 'UTC' : undefined }
      : { dateStyle: 'medium', timeStyle: 'short' };
  try {
    return new Intl.DateTimeFormat(intlLocale(lang), opts).format(d);
  } catch {
    return s;
  }
}
