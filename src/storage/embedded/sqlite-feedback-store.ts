/**
 * @module storage/embedded/sqlite-feedback-store
 * Thumbs up/down on bot replies; the last rating of an activity wins.
 */
import type { Feedback, FeedbackStore } from '../../core/conversation';
import type { SqliteDatabase } from './database';

export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: SqliteDatabase) {}

  async record(f: Feedback): Promise<void> {
    const upsert = this.db.statement(
      `INSERT OR REPLACE INTO feedback (conversation_id, activity_id, rating, comment, at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    const at = new Date().toISOString();
    await this.db.write(() => upsert.run(f.conversationId, f.activityId, f.rating, f.comment ?? null, at));
  }
}
