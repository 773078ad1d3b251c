/**
 * @module storage/conversation-search-rules
 * What every adapter of `ConversationSearch` does the same way: checking a filter (strings stay
 * strings, times become ISO), page sizes and the opaque cursor, and assembling the dashboard
 * from the counts each store's query language produces.
 */
import { AppError, ErrorCodes } from '../errors';
import type { DashboardDay, DashboardStats, TranscriptFilter } from '../core/conversation-search';

const DAY_MS = 86_400_000;
/** The dashboard covers at most this many days. */
export const MAX_DASHBOARD_DAYS = 366;

const bad = (message: string): AppError => new AppError(ErrorCodes.badRequest, message);

/** An ISO time in the one format stored times use (`toISOString`), so string order is time order. */
export function isoTime(value: unknown, what: string): string {
  const ms = typeof value === 'string' && value !== '' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) throw bad(`${what} must be an ISO date or time.`);
  return new Date(ms).toISOString();
}

function text(value: unknown, what: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 200) throw bad(`${what} must be text of at most 200 characters.`);
  return value;
}

/** The filter with every value checked: a value of the wrong type is refused, never interpreted. */
export function checkFilter(filter: TranscriptFilter = {}): TranscriptFilter {
  const f: TranscriptFilter = {};
  const t = text(filter.text, 'text');
  if (t !== undefined) f.text = t;
  if (filter.from !== undefined) f.from = isoTime(filter.from, 'from');
  if (filter.to !== undefined) f.to = isoTime(filter.to, 'to');
  if (filter.locale !== undefined) {
    if (filter.locale !== 'zh' && filter.locale !== 'en') throw bad('locale must be zh or en.');
    f.locale = filter.locale;
  }
  const intent = text(filter.intent, 'intent');
  if (intent !== undefined) f.intent = intent;
  if (filter.handoff !== undefined) {
    if (typeof filter.handoff !== 'boolean') throw bad('handoff must be true or false.');
    f.handoff = filter.handoff;
  }
  if (filter.rating !== undefined) {
    if (filter.rating !== 'up' && filter.rating !== 'down') throw bad('rating must be up or down.');
    f.rating = filter.rating;
  }
  const customerId = text(filter.customerId, 'customerId');
  if (customerId !== undefined) f.customerId = customerId;
  const channel = text(filter.channel, 'channel');
  if (channel !== undefined) f.channel = channel;
  return f;
}

/** Page size: 20 by default, at most 100. */
export function searchLimit(limit?: number): number {
  return Math.max(1, Math.min(100, Math.floor(typeof limit === 'number' && Number.isFinite(limit) ? limit : 20)));
}

/** Where a page ended: the last conversation's last activity time and id (newest first). */
export interface SearchCursor {
  at: string;
  id: string;
}

export const encodeCursor = (c: SearchCursor): string => Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');

export function decodeCursor(cursor: string | undefined): SearchCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const value = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through: not ours
  }
  throw bad('The cursor is not one this search gave.');
}

/** The checked range and every UTC day it touches (`YYYY-MM-DD`), oldest first. */
export function dashboardRange(range: { from: string; to: string }): { from: string; to: string; dates: string[] } {
  const from = isoTime(range?.from, 'from');
  const to = isoTime(range?.to, 'to');
  const dates: string[] = [];
  for (let day = Math.floor(Date.parse(from) / DAY_MS) * DAY_MS; day < Date.parse(to); day += DAY_MS) {
    if (dates.length === MAX_DASHBOARD_DAYS) throw bad(`The dashboard covers at most ${MAX_DASHBOARD_DAYS} days.`);
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return { from, to, dates };
}

/** Conversations with a shopper message on one day, and of those how many had a human involved that day. */
export interface DayCounts {
  date: string;
  conversations: number;
  handedOff: number;
}

/** Shopper turns answered by the bot as one intent on one day; of them, the negative and the angry ones. */
export interface DayIntentTurns {
  date: string;
  intent: string;
  turns: number;
  negative: number;
  angry: number;
}

/** The intent a turn was handled as when it was out of scope. */
export const OOS_INTENT = 'oos';

const byCountThenName =
  <T extends { intent: string }>(count: (x: T) => number) =>
  (a: T, b: T): number =>
    count(b) - count(a) || (a.intent < b.intent ? -1 : a.intent > b.intent ? 1 : 0);

/** The stats from the stores' counts: every day of the range, totals, top 10 intents, feedback sorted. */
export function assembleDashboard(
  range: { from: string; to: string; dates: string[] },
  counts: DayCounts[],
  turns: DayIntentTurns[],
  feedback: { intent: string; up: number; down: number }[],
): DashboardStats {
  const byDate = new Map(
    range.dates.map((date): [string, DashboardDay] => [date, { date, conversations: 0, handledByBot: 0, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 }]),
  );
  for (const c of counts) {
    const day = byDate.get(c.date);
    if (day) Object.assign(day, { conversations: c.conversations, handedOff: c.handedOff, handledByBot: c.conversations - c.handedOff });
  }
  const perIntent = new Map<string, number>();
  for (const t of turns) {
    const day = byDate.get(t.date);
    if (!day) continue;
    day.turns += t.turns;
    day.negativeTurns += Number(t.negative) || 0;
    day.angryTurns += Number(t.angry) || 0;
    if (t.intent === OOS_INTENT) day.oosTurns += t.turns;
    perIntent.set(t.intent, (perIntent.get(t.intent) ?? 0) + t.turns);
  }
  const days = [...byDate.values()];
  const totals = { conversations: 0, handledByBot: 0, handedOff: 0, turns: 0, oosTurns: 0, negativeTurns: 0, angryTurns: 0 };
  for (const d of days) for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += d[key];
  return {
    from: range.from,
    to: range.to,
    days,
    totals,
    topIntents: [...perIntent].map(([intent, n]) => ({ intent, turns: n })).sort(byCountThenName((x) => x.turns)).slice(0, 10),
    feedbackByIntent: feedback
      .map((f) => ({ intent: String(f.intent), up: Number(f.up), down: Number(f.down) }))
      .sort(byCountThenName((x) => x.up + x.down)),
  };
}
