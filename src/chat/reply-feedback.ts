/**
 * @module chat/reply-feedback
 * A shopper's rating of one of the bot's replies in their own conversation.
 */
import type { Conversation, FeedbackStore, TranscriptReader } from '../core/conversation';
import { AppError, ErrorCodes } from '../errors';

export interface ReplyRating {
  activityId: string;
  rating: 'up' | 'down';
  comment?: string;
}

/**
 * Records the rating; a reply of another conversation, or a shopper's own message, is "not found".
 * @example await rateReply(stores, conversation, { activityId, rating: 'up' })
 */
export async function rateReply(
  stores: { transcripts: TranscriptReader; feedback: FeedbackStore },
  conversation: Conversation,
  fb: ReplyRating,
): Promise<void> {
  const target = await stores.transcripts.get(conversation.id, fb.activityId);
  if (!target || target.from.role === 'user') throw new AppError(ErrorCodes.notFound, 'No such reply in this conversation.');
  await stores.feedback.record({ conversationId: conversation.id, ...fb });
}
