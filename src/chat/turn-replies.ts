/**
 * @module chat/turn-replies
 * What the chat service asks of the transcript about a turn's replies: whether a stored message
 * was answered, storing replies all or nothing, and committing a turn's results (replies, dialog
 * state, language) in its one write.
 */
import type { ChatActivity, TranscriptAppender, TranscriptReader } from '../core/conversation';
import type { TurnCommit, TurnCommitter } from '../core/turn-store';
import { storeFailureOf } from '../storage/store-failure';

/** Tries to store a turn's replies before the shopper is asked to try again. */
const REPLY_STORE_ATTEMPTS = 3;

/** A few quick tries ride out a brief outage; an eTag conflict is not retried here (the turn runs again). */
async function withRetries<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (attempt >= REPLY_STORE_ATTEMPTS || storeFailureOf(err) === 'conflict') throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

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
  if (replies.length > 0) await withRetries(() => transcripts.appendAll(replies));
}

/**
 * The turn's results in one write, all or nothing, with the same retries (replies are idempotent
 * on their ids; the state's eTag is that of the read, so a commit that did land conflicts rather
 * than applying twice). Nothing to write, no write.
 */
export async function commitTurn(transcripts: TurnCommitter, turn: TurnCommit): Promise<void> {
  if (turn.replies.length > 0 || Object.keys(turn.state).length > 0 || turn.locale) await withRetries(() => transcripts.commitTurn(turn));
}
