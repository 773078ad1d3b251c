/**
 * @module storage/embedded/sqlite-conversation-search
 * Transcript search and dashboard numbers in SQL. Conversations are paged newest first on
 * `conversations.last_activity_at` (kept by triggers, migration 3) and `id`; every filter is a
 * fixed SQL fragment with its value bound as a parameter. An intent is the
 * `channelData.intent.name` of a bot reply (indexed expression); a human was involved when a
 * bot reply says `channelData.handoff = true`, an agent wrote, or the conversation is flagged.
 * `text` is a LIKE with its wildcards escaped (case-insensitive for ASCII letters, as SQLite's
 * LIKE; Chinese has no case), read from the index `activities_conversation` rather than each activity's JSON.
 * Times compare as strings: stored times are `toISOString()` (UTC, `Z`), so a day is `substr(at, 1, 10)`.
 */
import type { ConversationSearch, ConversationSummary, DashboardStats, TranscriptFilter } from '../../core/conversation-search';
import {
  assembleDashboard,
  checkFilter,
  dashboardRange,
  decodeCursor,
  encodeCursor,
  searchLimit,
  type DayCounts,
} from '../conversation-search-rules';
import type { SqliteDatabase } from './database';
import { toConversation, type ConversationRow } from './sqlite-conversation-store';

const INTENT = `json_extract(a.json, '$.channelData.intent.name')`;
/** An activity that shows a human was involved: the partial index `activities_human` (migration 3) holds exactly these. */
const HUMAN_ROW = `(a.role = 'agent' OR (a.role = 'bot' AND json_extract(a.json, '$.channelData.handoff') = 1))`;
/** As a filter: the few conversations in that index, listed once. */
const HUMAN_IN = `(c.handoff = 1 OR c.id IN (SELECT a.conversation_id FROM activities a WHERE ${HUMAN_ROW}))`;
/** For one conversation: a look at its own activities. */
const HUMAN_EXISTS = `(c.handoff = 1 OR EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND ${HUMAN_ROW}))`;

/** After every stored time (ISO times start with a digit). */
const END_OF_TIME = '~';

/** LIKE matches the text literally: its own wildcards and the escape character are escaped. */
const likeLiteral = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

type Row = ConversationRow & { last_activity_at: string; human: number };

/** The WHERE clause and its parameters for a checked filter. */
function whereOf(f: TranscriptFilter): { sql: string; params: (string | number)[] } {
  const where = ['c.last_activity_at IS NOT NULL'];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]): void => {
    where.push(sql);
    params.push(...values);
  };
  // The conversation's last activity bounds the range from below: most conversations are skipped without a lookup.
  if (f.from !== undefined) add('c.last_activity_at >= ?', f.from);
  if (f.from !== undefined || f.to !== undefined) {
    add('EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND a.at >= ? AND a.at < ?)', f.from ?? '', f.to ?? END_OF_TIME);
  }
  if (f.text !== undefined) {
    add(
      `EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND a.type = 'message'
        AND json_extract(a.json, '$.text') LIKE ? ESCAPE '\\')`,
      likeLiteral(f.text),
    );
  }
  if (f.locale !== undefined) add('c.locale = ?', f.locale);
  if (f.intent !== undefined) add(`c.id IN (SELECT a.conversation_id FROM activities a WHERE a.role = 'bot' AND ${INTENT} = ?)`, f.intent);
  if (f.handoff !== undefined) where.push(f.handoff ? HUMAN_IN : `NOT ${HUMAN_IN}`);
  if (f.rating !== undefined) {
    add(
      `EXISTS (SELECT 1 FROM feedback f JOIN activities a ON a.conversation_id = f.conversation_id AND a.id = f.activity_id
        WHERE f.conversation_id = c.id AND f.rating = ?)`,
      f.rating,
    );
  }
  if (f.customerId !== undefined) add('c.customer_id = ?', f.customerId);
  if (f.channel !== undefined) add('c.channel = ?', f.channel);
  return { sql: where.join(' AND '), params };
}

export class SqliteConversationSearch implements ConversationSearch {
  constructor(private readonly db: SqliteDatabase) {}

  async search(filter: TranscriptFilter, page: { cursor?: string; limit?: number } = {}): Promise<{ items: ConversationSummary[]; next?: string }> {
    const limit = searchLimit(page.limit);
    const cursor = decodeCursor(page.cursor);
    const { sql, params } = whereOf(checkFilter(filter));
    const after = cursor ? ' AND (c.last_activity_at < ? OR (c.last_activity_at = ? AND c.id < ?))' : '';
    // Ids first (cheap to sort), the summaries only for the page.
    const ids = this.db
      .statement(`SELECT c.id FROM conversations c WHERE ${sql}${after} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?`, true)
      .all(...params, ...(cursor ? [cursor.at, cursor.at, cursor.id] : []), limit + 1) as string[];
    const items = ids.slice(0, limit).map((id) => this.summary(id));
    const last = items[items.length - 1];
    return ids.length > limit ? { items, next: encodeCursor({ at: last.lastActivityAt, id: last.conversation.id }) } : { items };
  }

  private summary(id: string): ConversationSummary {
    const row = this.db.statement(`SELECT c.*, ${HUMAN_EXISTS} AS human FROM conversations c WHERE c.id = ?`).get(id) as Row;
    // Only the conversation's own rows: \`conversation_id = ?\` is the one indexed condition (+ keeps the role indexes out).
    const userMessages = this.db
      .statement(`SELECT COUNT(*) FROM activities a WHERE a.conversation_id = ? AND +a.role = 'user' AND +a.type = 'message'`, true)
      .get(id) as number;
    const lastText = this.db
      .statement(
        `SELECT json_extract(a.json, '$.text') FROM activities a WHERE a.conversation_id = ? AND +a.type = 'message'
           AND json_extract(a.json, '$.text') IS NOT NULL ORDER BY a.at DESC, a.seq DESC LIMIT 1`,
        true,
      )
      .get(id) as string | undefined;
    // A turn's replies all carry its intent: count turns (the message replied to), not replies.
    const intents = this.db
      .statement(
        `SELECT ${INTENT} AS intent FROM activities a WHERE a.conversation_id = ? AND +a.role = 'bot' AND ${INTENT} IS NOT NULL
         GROUP BY intent ORDER BY COUNT(DISTINCT COALESCE(a.reply_to_id, a.id)) DESC, intent`,
        true,
      )
      .all(id) as string[];
    return {
      conversation: toConversation(row),
      lastActivityAt: row.last_activity_at,
      userMessages,
      ...(lastText !== undefined && lastText !== null ? { lastText: String(lastText) } : {}),
      intents: intents.map(String),
      humanInvolved: row.human === 1,
    };
  }

  async dashboard(input: { from: string; to: string }): Promise<DashboardStats> {
    const range = dashboardRange(input);
    const { from, to } = range;
    // Each query reads one covering partial index of migration 3 (activities_user_at, _human, _bot_at).
    const conversations = this.db
      .statement(
        `WITH shopper AS (
           SELECT DISTINCT substr(a.at, 1, 10) AS day, a.conversation_id FROM activities a
           WHERE a.role = 'user' AND a.type = 'message' AND a.at >= ? AND a.at < ?
         ), human AS (
           SELECT DISTINCT substr(a.at, 1, 10) AS day, a.conversation_id FROM activities a WHERE ${HUMAN_ROW} AND a.at >= ? AND a.at < ?
         )
         SELECT s.day, COUNT(*) AS conversations, COUNT(h.conversation_id) AS handedOff
         FROM shopper s LEFT JOIN human h ON h.day = s.day AND h.conversation_id = s.conversation_id GROUP BY s.day`,
      )
      .all(from, to, from, to) as { day: string; conversations: number; handedOff: number }[];
    // One row per shopper turn answered with an intent (the message its replies answer), dated by
    // its first reply. With MIN(), SQLite takes the bare columns from that row: the first reply's
    // intent and row id; the shopper's sentiment is read from that one reply's JSON.
    const turns = this.db
      .statement(
        `SELECT t.day, t.intent, COUNT(*) AS turns,
           TOTAL(json_extract(s.json, '$.channelData.sentiment.label') = 'negative') AS negative,
           TOTAL(json_extract(s.json, '$.channelData.sentiment.angry') = 1) AS angry
         FROM (
           SELECT substr(a.at, 1, 10) AS day, MIN(a.at), ${INTENT} AS intent, a.seq AS seq FROM activities a
           WHERE a.role = 'bot' AND a.at >= ? AND a.at < ? AND a.reply_to_id IS NOT NULL AND ${INTENT} IS NOT NULL
           GROUP BY a.conversation_id, a.reply_to_id
         ) t JOIN activities s ON s.seq = t.seq GROUP BY t.day, t.intent`,
      )
      .all(from, to) as { day: string; intent: string; turns: number; negative: number; angry: number }[];
    const feedback = this.db
      .statement(
        `SELECT ${INTENT} AS intent, SUM(f.rating = 'up') AS up, SUM(f.rating = 'down') AS down
         FROM activities a JOIN feedback f ON f.conversation_id = a.conversation_id AND f.activity_id = a.id
         WHERE a.role = 'bot' AND a.at >= ? AND a.at < ? AND ${INTENT} IS NOT NULL GROUP BY intent`,
      )
      .all(from, to) as { intent: string; up: number; down: number }[];
    return assembleDashboard(
      range,
      conversations.map((r): DayCounts => ({ date: r.day, conversations: r.conversations, handedOff: r.handedOff })),
      turns.map((t) => ({ date: t.day, intent: String(t.intent), turns: t.turns, negative: t.negative, angry: t.angry })),
      feedback,
    );
  }
}
