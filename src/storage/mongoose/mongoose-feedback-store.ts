/**
 * @module storage/mongoose/mongoose-feedback-store
 * Thumbs up/down on bot replies; the last rating of an activity wins.
 */
import type { Feedback, FeedbackStore } from '../../core/conversation';
import type { KefuModels } from './models';

export class MongooseFeedbackStore implements FeedbackStore {
  constructor(private readonly m: KefuModels) {}

  async record(f: Feedback): Promise<void> {
    await this.m.Feedback.updateOne(
      { conversationId: String(f.conversationId), activityId: String(f.activityId) },
      { $set: { rating: f.rating, comment: f.comment ?? null, at: new Date().toISOString() } },
      { upsert: true, runValidators: true },
    );
  }
}
