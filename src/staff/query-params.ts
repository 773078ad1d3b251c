/**
 * @module staff/query-params
 * Query strings of the console API → typed values. Only known keys are read, each at most once;
 * every value stays a string compared as a value (`{"$gt":""}`, `%`, `__proto__` are just text).
 */
import type { TranscriptFilter } from '../core/conversation-search';
import { badRequest } from './staff-error';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date at the start of the value exists (Date.parse takes 2026-02-30 for March 2). */
function realDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The value of `key`, or undefined; a key given twice is refused rather than guessed. */
export function single(params: URLSearchParams, key: string, maxLength = 200): string | undefined {
  const all = params.getAll(key);
  if (all.length === 0) return undefined;
  if (all.length > 1) throw badRequest(`"${key}" is given more than once.`, `参数 "${key}" 重复出现。`);
  const value = all[0];
  if (value.length > maxLength) throw badRequest(`"${key}" is longer than ${maxLength} characters.`, `参数 "${key}" 超过 ${maxLength} 个字符。`);
  return value;
}

/**
 * An ISO time from `YYYY-MM-DD` or a full ISO time. A date alone as the upper bound means the whole
 * day (the bound is the next midnight, UTC), so `from=2026-11-01&to=2026-11-01` is that one day.
 */
export function parseTimeBound(value: string, bound: 'from' | 'to', key: string = bound): string {
  const dateOnly = DATE_ONLY.test(value);
  const time = dateOnly ? Date.parse(`${value}T00:00:00.000Z`) : ISO_TIME.test(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(time) || !realDate(value)) throw badRequest(`"${key}" must be a date (YYYY-MM-DD) or an ISO time.`, `参数 "${key}" 必须是日期（YYYY-MM-DD）或 ISO 时间。`);
  return new Date(dateOnly && bound === 'to' ? time + DAY_MS : time).toISOString();
}

/** An integer 1…max, or the default when absent. */
export function parseLimit(params: URLSearchParams, max: number, fallback: number, key = 'limit'): number {
  const value = single(params, key, 10);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw badRequest(`"${key}" must be a whole number from 1 to ${max}.`, `参数 "${key}" 必须是 1 到 ${max} 之间的整数。`);
  return n;
}

function oneOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = single(params, key);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(`"${key}" must be one of ${allowed.join(', ')}.`, `参数 "${key}" 必须是 ${allowed.join('、')} 之一。`);
  }
  return value as T;
}

/** The transcript search filters; empty values are "no filter". */
export function parseTranscriptFilter(params: URLSearchParams): TranscriptFilter {
  const filter: TranscriptFilter = {};
  const text = single(params, 'text');
  if (text) filter.text = text;
  const from = single(params, 'from', 40);
  if (from) filter.from = parseTimeBound(from, 'from');
  const to = single(params, 'to', 40);
  if (to) filter.to = parseTimeBound(to, 'to');
  if (filter.from && filter.to && filter.from >= filter.to) throw badRequest('"from" must be before "to".', '"from" 必须早于 "to"。');
  const locale = oneOf(params, 'locale', ['zh', 'en'] as const);
  if (locale) filter.locale = locale;
  const intent = single(params, 'intent', 100);
  if (intent) filter.intent = intent;
  const handoff = oneOf(params, 'handoff', ['true', 'false'] as const);
  if (handoff) filter.handoff = handoff === 'true';
  const rating = oneOf(params, 'rating', ['up', 'down'] as const);
  if (rating) filter.rating = rating;
  const customerId = single(params, 'customerId');
  if (customerId) filter.customerId = customerId;
  const channel = single(params, 'channel', 50);
  if (channel) filter.channel = channel;
  return filter;
}

/** `cursor` and `limit` of a search page. */
export function parseSearchPage(params: URLSearchParams): { cursor?: string; limit: number } {
  const cursor = single(params, 'cursor', 500);
  return { ...(cursor ? { cursor } : {}), limit: parseLimit(params, 100, 20) };
}
