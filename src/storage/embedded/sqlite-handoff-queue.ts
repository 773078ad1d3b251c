/**
 * @module storage/embedded/sqlite-handoff-queue
 * Conversations waiting for staff. Enqueue also sets the conversation's `handoff` flag
 * (one write), release clears it: the two never disagree.
 */
import type { HandoffEntry, HandoffQueue } from '../../core/conversation';
import type { SqliteDatabase } from './database';

export class SqliteHandoffQueue implements HandoffQueue {
  constructor(private readonly db: SqliteDatabase) {}

  async enqueue(conversationId: string, reason: string): Promise<void> {
    const now = new Date().toISOString();
    const insert = this.db.statement('INSERT OR IGNORE INTO handoff_queue (conversation_id, reason, queued_at) VALUES (?, ?, ?)');
    const flag = this.db.statement('UPDATE conversations SET handoff = 1, updated_at = ? WHERE id = ?');
    await this.db.write(() => {
      insert.run(conversationId, reason, now);
      flag.run(now, conversationId);
    });
  }

  async release(conversationId: string): Promise<void> {
    const now = new Date().toISOString();
    const remove = this.db.statement('DELETE FROM handoff_queue WHERE conversation_id = ?');
    const unflag = this.db.statement('UPDATE conversations SET handoff = 0, updated_at = ? WHERE id = ?');
    await this.db.write(() => {
      remove.run(conversationId);
      unflag.run(now, conversationId);
    });
  }

  async list(): Promise<HandoffEntry[]> {
    const rows = this.db
      .statement('SELECT conversation_id, reason, queued_at FROM handoff_queue ORDER BY queued_at')
      .all() as { conversation_id: string; reason: string; queued_at: string }[];
    return rows.map((r) => ({ conversationId: r.conversation_id, reason: r.reason, queuedAt: r.queued_at }));
  }
}
