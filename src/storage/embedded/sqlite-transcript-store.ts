/**
 * @module storage/embedded/sqlite-transcript-store
 * Activities in arrival order (`seq`), unique per conversation and id (idempotent inserts).
 */
import type { AppendResult, ChatActivity, TranscriptStore } from '../../core/conversation';
import type { SqliteDatabase } from './database';

export const MAX_PAGE = 100;

export class SqliteTranscriptStore implements TranscriptStore {
  constructor(private readonly db: SqliteDatabase) {}

  async append(activity: ChatActivity): Promise<AppendResult> {
    return this.insert(activity);
  }

  /** All or nothing: one transaction. */
  async appendAll(activities: ChatActivity[]): Promise<AppendResult[]> {
    return this.db.transaction(() => activities.map((a) => this.insert(a)))();
  }

  private insert(activity: ChatActivity): AppendResult {
    const result = this.db
      .prepare(
        `INSERT INTO activities (conversation_id, id, reply_to_id, type, role, at, json)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, id) DO NOTHING`,
      )
      .run(
        activity.conversationId,
        activity.id,
        activity.replyToId ?? null,
        activity.type,
        activity.from.role,
        activity.timestamp,
        JSON.stringify(activity),
      );
    if (result.changes === 1) return { activity, inserted: true };
    const existing = this.db
      .prepare('SELECT json FROM activities WHERE conversation_id = ? AND id = ?')
      .get(activity.conversationId, activity.id) as { json: string } | undefined;
    return { activity: existing ? (JSON.parse(existing.json) as ChatActivity) : activity, inserted: false };
  }

  async get(conversationId: string, activityId: string): Promise<ChatActivity | null> {
    const row = this.db
      .prepare('SELECT json FROM activities WHERE conversation_id = ? AND id = ?')
      .get(conversationId, activityId) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as ChatActivity) : null;
  }

  async list(conversationId: string, options: { before?: string; limit?: number } = {}): Promise<ChatActivity[]> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.limit ?? MAX_PAGE)));
    let beforeSeq = Number.MAX_SAFE_INTEGER;
    if (options.before !== undefined) {
      const row = this.db
        .prepare('SELECT seq FROM activities WHERE conversation_id = ? AND id = ?')
        .get(conversationId, options.before) as { seq: number } | undefined;
      if (!row) return [];
      beforeSeq = row.seq;
    }
    const rows = this.db
      .prepare('SELECT json FROM activities WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
      .all(conversationId, beforeSeq, limit) as { json: string }[];
    return rows.reverse().map((r) => JSON.parse(r.json) as ChatActivity);
  }

  async repliesTo(conversationId: string, activityId: string): Promise<ChatActivity[]> {
    const rows = this.db
      .prepare('SELECT json FROM activities WHERE conversation_id = ? AND reply_to_id = ? ORDER BY seq')
      .all(conversationId, activityId) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as ChatActivity);
  }
}
