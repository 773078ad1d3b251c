/**
 * @module storage/embedded/sqlite-conversation-search
 * Transcript search and dashboard numbers in SQL. Conversations are paged newest first on
 * `conversations.last_activity_at` (kept by triggers, migration 3) and `id`; every filter is a
 * fixed SQL fragment with its value bound as a parameter. An intent is the
 * `channelData.intent.name` of a bot reply (indexed expression); a human was involved when a
 * bot reply says `channelData.handoff = true`, an agent wrote, or the conversation is flagged.
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
const HUMAN = `(c.handoff = 1 OR EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id
  AND (a.role = 'agent' OR (a.role = 'bot' AND json_extract(a.json, '$.channelData.handoff') = 1))))`;

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
  if (f.from !== undefined || f.to !== undefined) {
    // The conversation's last activity bounds the range from below: most conversations are skipped without a lookup.
    if (f.from !== undefined) add('c.last_activity_at >= ?', f.from);
    const range = [f.from !== undefined ? 'a.at >= ?' : '', f.to !== undefined ? 'a.at < ?' : ''].filter(Boolean).join(' AND ');
    add(
      `EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND ${range})`,
      ...[f.from, f.to].filter((v): v is string => v !== undefined),
    );
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
  if (f.handoff !== undefined) where.push(f.handoff ? HUMAN : `NOT ${HUMAN}`);
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
    const rows = this.db
      .prepare(`SELECT c.*, ${HUMAN} AS human FROM conversations c WHERE ${sql}${after} ORDER BY c.last_activity_at DESC, c.id DESC LIMIT ?`)
      .all(...params, ...(cursor ? [cursor.at, cursor.at, cursor.id] : []), limit + 1) as Row[];
    const items = rows.slice(0, limit).map((row) => this.summary(row));
    const last = items[items.length - 1];
    return rows.length > limit ? { items, next: encodeCursor({ at: last.lastActivityAt, id: last.conversation.id }) } : { items };
  }

  private summary(row: Row): ConversationSummary {
    const userMessages = (
      this.db
        .prepare(`SELECT COUNT(*) AS n FROM activities WHERE conversation_id = ? AND role = 'user' AND type = 'message'`)
        .get(row.id) as { n: number }
    ).n;
    const last = this.db
      .prepare(
        `SELECT json_extract(json, '$.text') AS text FROM activities
         WHERE conversation_id = ? AND type = 'message' AND json_extract(json, '$.text') IS NOT NULL ORDER BY seq DESC LIMIT 1`,
      )
      .get(row.id) as { text: string } | undefined;
    // A turn's replies all carry its intent: count turns (the message replied to), not replies.
    const intents = this.db
      .prepare(
        `SELECT ${INTENT} AS intent, COUNT(DISTINCT COALESCE(a.reply_to_id, a.id)) AS n FROM activities a
         WHERE a.conversation_id = ? AND a.role = 'bot' AND ${INTENT} IS NOT NULL GROUP BY intent ORDER BY n DESC, intent`,
      )
      .all(row.id) as { intent: string }[];
    return {
      conversation: toConversation(row),
      lastActivityAt: row.last_activity_at,
      userMessages,
      ...(last ? { lastText: String(last.text) } : {}),
      intents: intents.map((i) => String(i.intent)),
      humanInvolved: row.human === 1,
    };
  }

  async dashboard(input: { from: string; to: string }): Promise<DashboardStats> {
    const range = dashboardRange(input);
    const { from, to } = range;
    const conversations = this.db
      .prepare(
        `WITH shopper AS (
           SELECT DISTINCT substr(at, 1, 10) AS day, conversation_id FROM activities
           WHERE role = 'user' AND type = 'message' AND at >= ? AND at < ?
         ), human AS (
           SELECT DISTINCT substr(at, 1, 10) AS day, conversation_id FROM activities a
           WHERE role IN ('agent', 'bot') AND at >= ? AND at < ?
             AND (role = 'agent' OR json_extract(a.json, '$.channelData.handoff') = 1)
         )
         SELECT s.day, COUNT(*) AS conversations, COUNT(h.conversation_id) AS handedOff
         FROM shopper s LEFT JOIN human h ON h.day = s.day AND h.conversation_id = s.conversation_id GROUP BY s.day`,
      )
      .all(from, to, from, to) as { day: string; conversations: number; handedOff: number }[];
    // One row per shopper turn answered with an intent, dated by the shopper's message. With
    // MIN(seq), SQLite takes the bare column from that row: the intent of the turn's first reply.
    const turns = `SELECT substr(u.at, 1, 10) AS day, MIN(a.seq), ${INTENT} AS intent
      FROM activities u JOIN activities a ON a.conversation_id = u.conversation_id AND a.reply_to_id = u.id
      WHERE u.role = 'user' AND u.type = 'message' AND u.at >= ? AND u.at < ? AND a.role = 'bot' AND ${INTENT} IS NOT NULL
      GROUP BY u.conversation_id, u.id`;
    const turnsByDay = this.db
      .prepare(`SELECT day, COUNT(*) AS turns, SUM(intent = 'oos') AS oosTurns FROM (${turns}) GROUP BY day`)
      .all(from, to) as { day: string; turns: number; oosTurns: number }[];
    const intents = this.db
      .prepare(`SELECT intent, COUNT(*) AS turns FROM (${turns}) GROUP BY intent ORDER BY turns DESC, intent LIMIT 10`)
      .all(from, to) as { intent: string; turns: number }[];
    const feedback = this.db
      .prepare(
        `SELECT ${INTENT} AS intent, SUM(f.rating = 'up') AS up, SUM(f.rating = 'down') AS down
         FROM activities a JOIN feedback f ON f.conversation_id = a.conversation_id AND f.activity_id = a.id
         WHERE a.role = 'bot' AND a.at >= ? AND a.at < ? AND ${INTENT} IS NOT NULL GROUP BY intent`,
      )
      .all(from, to) as { intent: string; up: number; down: number }[];
    const counts = new Map<string, DayCounts>();
    const day = (date: string): DayCounts => {
      let c = counts.get(date);
      if (!c) counts.set(date, (c = { date, conversations: 0, handedOff: 0, turns: 0, oosTurns: 0 }));
      return c;
    };
    for (const r of conversations) Object.assign(day(r.day), { conversations: r.conversations, handedOff: r.handedOff });
    for (const r of turnsByDay) Object.assign(day(r.day), { turns: r.turns, oosTurns: r.oosTurns });
    return assembleDashboard(range, [...counts.values()], intents, feedback);
  }
}
