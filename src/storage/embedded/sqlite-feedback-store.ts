/**
 * @module storage/embedded/sqlite-feedback-store
 * Thumbs up/down on bot replies; the last rating of an activity wins.
 */
import type { Feedback, FeedbackStore } from '../../core/conversation';
import type { SqliteDatabase } from './database';

export class SqliteFeedbackStore implements FeedbackStore {
  constructor(private readonly db: SqliteDatabase) {}

  async record(f: Feedback): Promise<void> {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO feedback (conversation_id, activity_id, rating, comment, at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(f.conversationId, f.activityId, f.rating, f.comment ?? null, new Date().toISOString());
  }
}
