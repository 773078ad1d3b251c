/**
 * @module chat/turn-replies
 * What the chat service asks of the transcript about a turn's replies: whether a stored message
 * was answered, and storing a turn's replies all or nothing.
 */
import type { ChatActivity, TranscriptAppender, TranscriptReader } from '../core/conversation';

/** Tries to store a turn's replies before the shopper is asked to try again. */
const REPLY_STORE_ATTEMPTS = 3;

/** True when a stored message has no stored reply (its turn never completed); false when the store cannot tell. */
export async function awaitsReply(transcripts: TranscriptReader, conversationId: string, activityId: string): Promise<boolean> {
  try {
    return (await transcripts.repliesTo(conversationId, activityId)).length === 0;
  } catch {
    return false;
  }
}

/** All or nothing; a few quick retries ride out a brief outage (appends are idempotent). */
export async function storeReplies(transcripts: TranscriptAppender, replies: ChatActivity[]): Promise<void> {
  if (replies.length === 0) return;
  for (let attempt = 1; ; attempt++) {
    try {
      await transcripts.appendAll(replies);
      return;
    } catch (err) {
      if (attempt >= REPLY_STORE_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}
