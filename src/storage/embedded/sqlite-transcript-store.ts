/**
 * @module storage/embedded/sqlite-transcript-store
 * Activities in arrival order (`seq`), unique per conversation and id (idempotent inserts).
 * `json` is the copy staff read (redacted by the privacy layer above); `raw_json` is the
 * unredacted copy, kept only until `raw_until` and returned only to the conversation's owner.
 */
import type { AppendOptions, AppendResult, ChatActivity, TranscriptStore, TranscriptView, UnansweredActivity } from '../../core/conversation';
import type { TurnCommit, TurnCommitter } from '../../core/turn-store';
import type { SqliteDatabase } from './database';
import { stateWriter } from './sqlite-storage';

export const MAX_PAGE = 100;
const MAX_SCAN = 1000;

interface Row {
  json: string;
  raw_json?: string | null;
  raw_until?: string | null;
}

function read(row: Row, view: TranscriptView, now: string): ChatActivity {
  const useRaw = view === 'owner' && row.raw_json && row.raw_until && row.raw_until > now;
  return JSON.parse(useRaw ? (row.raw_json as string) : row.json) as ChatActivity;
}

type InsertRow = [string, string, string | null, string, string, string, string, string | null, string | null];

/** The columns of an activity, serialised when it is handed over (the write runs later, in the group). */
function toRow(activity: ChatActivity, { raw, rawUntil }: AppendOptions): InsertRow {
  const keepRaw = raw !== undefined && rawUntil !== undefined;
  return [
    activity.conversationId,
    activity.id,
    activity.replyToId ?? null,
    activity.type,
    activity.from.role,
    activity.timestamp,
    JSON.stringify(activity),
    keepRaw ? JSON.stringify(raw) : null,
    keepRaw ? rawUntil : null,
  ];
}

export class SqliteTranscriptStore implements TranscriptStore, TurnCommitter {
  constructor(private readonly db: SqliteDatabase) {}

  async append(activity: ChatActivity, options: AppendOptions = {}): Promise<AppendResult> {
    const row = toRow(activity, options);
    return this.db.write(() => this.insertAll([activity], [row])[0] as AppendResult);
  }

  /** All or nothing: one write (its own savepoint in the group's transaction). */
  async appendAll(activities: ChatActivity[], options: { raw?: (ChatActivity | undefined)[]; rawUntil?: string } = {}): Promise<AppendResult[]> {
    const rows = activities.map((a, i) => toRow(a, { raw: options.raw?.[i], rawUntil: options.rawUntil }));
    return this.db.write(() => this.insertAll(activities, rows));
  }

  /**
   * A turn's results in one write (one savepoint of the group's transaction, so one commit per
   * turn however many turns share the group): its dialog state (eTag checked first: a conflict
   * writes nothing), its language, its replies.
   */
  async commitTurn(turn: TurnCommit, options: { raw?: (ChatActivity | undefined)[]; rawUntil?: string } = {}): Promise<AppendResult[]> {
    const rows = turn.replies.map((a, i) => toRow(a, { raw: options.raw?.[i], rawUntil: options.rawUntil }));
    const writeState = stateWriter(this.db, turn.state);
    const setLocale = this.db.statement('UPDATE conversations SET locale = ?, updated_at = ? WHERE id = ?');
    const now = new Date().toISOString();
    return this.db.write(() => {
      writeState();
      if (turn.locale) setLocale.run(turn.locale, now, turn.conversationId);
      return this.insertAll(turn.replies, rows);
    });
  }

  /**
   * Inserts the rows, then moves each conversation's `last_activity_at` (what the staff console
   * pages on) to its latest new row: one update per conversation and write, where the trigger
   * migration 5 replaced updated it once per row.
   */
  private insertAll(activities: readonly ChatActivity[], rows: readonly InsertRow[]): AppendResult[] {
    const results = activities.map((a, i) => this.insert(a, rows[i] as InsertRow));
    const latest = new Map<string, string>();
    results.forEach((r, i) => {
      const { conversationId, timestamp } = activities[i] as ChatActivity;
      if (r.inserted && timestamp > (latest.get(conversationId) ?? '')) latest.set(conversationId, timestamp);
    });
    const touch = this.db.statement(
      'UPDATE conversations SET last_activity_at = ? WHERE id = ? AND (last_activity_at IS NULL OR last_activity_at < ?)',
    );
    for (const [conversationId, at] of latest) touch.run(at, conversationId, at);
    return results;
  }

  private insert(activity: ChatActivity, row: InsertRow): AppendResult {
    const result = this.db
      .statement(
        `INSERT INTO activities (conversation_id, id, reply_to_id, type, role, at, json, raw_json, raw_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, id) DO NOTHING`,
      )
      .run(...row);
    if (result.changes === 1) return { activity, inserted: true };
    const existing = this.db
      .statement('SELECT json FROM activities WHERE conversation_id = ? AND id = ?')
      .get(activity.conversationId, activity.id) as Row | undefined;
    return { activity: existing ? (JSON.parse(existing.json) as ChatActivity) : activity, inserted: false };
  }

  async get(conversationId: string, activityId: string): Promise<ChatActivity | null> {
    const row = this.db
      .statement('SELECT json FROM activities WHERE conversation_id = ? AND id = ?')
      .get(conversationId, activityId) as Row | undefined;
    return row ? (JSON.parse(row.json) as ChatActivity) : null;
  }

  async list(
    conversationId: string,
    options: { before?: string; limit?: number; view?: TranscriptView } = {},
  ): Promise<ChatActivity[]> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.limit ?? MAX_PAGE)));
    let beforeSeq = Number.MAX_SAFE_INTEGER;
    if (options.before !== undefined) {
      const row = this.db
        .statement('SELECT seq FROM activities WHERE conversation_id = ? AND id = ?')
        .get(conversationId, options.before) as { seq: number } | undefined;
      if (!row) return [];
      beforeSeq = row.seq;
    }
    const rows = this.db
      .statement(
        'SELECT json, raw_json, raw_until FROM activities WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      )
      .all(conversationId, beforeSeq, limit) as Row[];
    const now = new Date().toISOString();
    return rows.reverse().map((r) => read(r, options.view ?? 'staff', now));
  }

  async repliesTo(conversationId: string, activityId: string): Promise<ChatActivity[]> {
    const rows = this.db
      .statement('SELECT json FROM activities WHERE conversation_id = ? AND reply_to_id = ? ORDER BY seq')
      .all(conversationId, activityId) as Row[];
    return rows.map((r) => JSON.parse(r.json) as ChatActivity);
  }

  async scan(since: string, options: { cursor?: string; limit?: number } = {}): Promise<{ activities: ChatActivity[]; next?: string }> {
    const limit = Math.max(1, Math.min(MAX_SCAN, Math.floor(options.limit ?? MAX_SCAN)));
    const after = options.cursor !== undefined ? Number(options.cursor) : 0;
    const rows = this.db
      .statement('SELECT seq, json FROM activities WHERE seq > ? AND at >= ? ORDER BY seq LIMIT ?')
      .all(Number.isFinite(after) ? after : 0, since, limit) as { seq: number; json: string }[];
    const activities = rows.map((r) => JSON.parse(r.json) as ChatActivity);
    return rows.length === limit ? { activities, next: String(rows[rows.length - 1].seq) } : { activities };
  }

  /**
   * One query: shopper messages by time (the `activities_user_at` partial index), each checked
   * for a reply and for a later answered shopper message or agent message (the shopper or staff
   * moved on), in a conversation not held by staff; both read `activities_conversation`
   * (conversation, reply-to, time). `+a.seq`: ordering by the rowid itself would make SQLite scan
   * the whole table in rowid order instead of the time range.
   */
  async unanswered(since: string, limit: number): Promise<UnansweredActivity[]> {
    const rows = this.db
      .statement(
        `SELECT a.json, a.raw_json, a.raw_until FROM activities a
         JOIN conversations c ON c.id = a.conversation_id AND c.handoff = 0
         WHERE a.role = 'user' AND a.type = 'message' AND a.at >= ?
           AND NOT EXISTS (SELECT 1 FROM activities r WHERE r.conversation_id = a.conversation_id AND r.reply_to_id = a.id)
           AND NOT EXISTS (SELECT 1 FROM activities l WHERE l.conversation_id = a.conversation_id AND l.at >= a.at AND l.seq > a.seq
                             AND (l.role = 'agent' OR (l.role = 'user' AND EXISTS (
                               SELECT 1 FROM activities lr WHERE lr.conversation_id = l.conversation_id AND lr.reply_to_id = l.id))))
         ORDER BY +a.seq LIMIT ?`,
      )
      .all(String(since), Math.max(1, Math.floor(limit))) as Row[];
    const now = new Date().toISOString();
    return rows.map((r) => ({ activity: read(r, 'owner', now) }));
  }

  async purgeRaw(now: string): Promise<number> {
    return this.db.write(
      () => this.db.statement('UPDATE activities SET raw_json = NULL, raw_until = NULL WHERE raw_until IS NOT NULL AND raw_until <= ?').run(now).changes,
    );
  }
}
