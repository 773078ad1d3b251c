/**
 * @module storage/embedded/sqlite-handoff-queue
 * Conversations waiting for staff. Enqueue also sets the conversation's `handoff` flag
 * (one write), release clears it: the two never disagree. Listed by priority (angry shoppers
 * first, migration 4), then oldest first.
 */
import { HANDOFF_PRIORITY, type HandoffEntry, type HandoffQueue } from '../../core/conversation';
import type { SqliteDatabase } from './database';

export class SqliteHandoffQueue implements HandoffQueue {
  constructor(private readonly db: SqliteDatabase) {}

  async enqueue(conversationId: string, reason: string, options: { priority?: number } = {}): Promise<void> {
    const now = new Date().toISOString();
    const priority = options.priority ?? HANDOFF_PRIORITY.normal;
    // Queued once: a second enqueue keeps the first reason and time, and may only raise the priority.
    const insert = this.db.statement(
      `INSERT INTO handoff_queue (conversation_id, reason, queued_at, priority) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET priority = MAX(priority, excluded.priority)`,
    );
    const flag = this.db.statement('UPDATE conversations SET handoff = 1, updated_at = ? WHERE id = ?');
    await this.db.write(() => {
      insert.run(conversationId, reason, now, priority);
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
      .statement('SELECT conversation_id, reason, queued_at, priority FROM handoff_queue ORDER BY priority DESC, queued_at, conversation_id')
      .all() as { conversation_id: string; reason: string; queued_at: string; priority: number }[];
    return rows.map((r) => ({ conversationId: r.conversation_id, reason: r.reason, queuedAt: r.queued_at, priority: r.priority }));
  }
}
