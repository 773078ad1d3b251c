/**
 * @module chat/turn-pipeline
 * One turn, start to end, in one pass: one read (the conversation with its dialog state), the
 * bot run on it with its replies held back, one write of the turn's results (replies, dialog
 * state, language: all or nothing), then the replies delivered and `turn.end`. The runner's result
 * says what the turn met: a dialog state that changed since the read (eTag) re-runs the turn on
 * fresh state; a store that is unavailable discards the turn and tells the shopper to try again
 * (`KEFU_UNAVAILABLE`); a handoff change is announced to watchers with the conversation the turn left.
 */
import type { ChatActivity, Conversation } from '../core/conversation';
import type { TurnCommitter, TurnLoader } from '../core/turn-store';
import type { StoreFailures, TurnGuards, TurnRunner } from '../core/turn-runner';
import { AppError, ErrorCodes } from '../errors';
import { createLogger } from '../log';
import { botReply, turnEnd, unavailableNotice } from './bot-activities';
import { builtInResponses } from '../domain/built-in-responses';
import type { Responses } from '../domain/responses';
import type { ChatEvents } from './chat-events';
import type { Deliver } from './pushers';
import { storeFailureOf, type StoreFailure } from '../storage/store-failure';
import { commitTurn } from './turn-replies';
import { TurnPacer } from './turn-pacer';

const log = createLogger('kefu:chat');

/** A turn whose dialog-state write loses an eTag race runs again, at most this often in all. */
const MAX_TURN_ATTEMPTS = 3;

export class TurnPipeline {
  /** Spreads the turns a group commit releases together over event-loop turns (`turn-pacer`). */
  private readonly pacer = new TurnPacer();

  constructor(
    private readonly stores: { conversations: TurnLoader; transcripts: TurnCommitter },
    private readonly runner: TurnRunner,
    private readonly events: ChatEvents,
    /** The shop's texts, for the "not saved, send it again" notice. */
    private readonly responses: Responses = builtInResponses(),
  ) {}

  /**
   * Runs one turn of a stored message; resolves true when the turn's replies were stored. Never
   * rejects: a failed turn delivers the "please send it again" notice instead.
   */
  async run(conversationId: string, activity: ChatActivity, deliver: Deliver, guards?: TurnGuards): Promise<boolean> {
    let conversation: Conversation | null = null;
    try {
      await this.pacer.next();
      for (let attempt = 1; ; attempt++) {
        // Read fresh, once: a turn queued earlier (or another server) may have changed it (locale, handoff, state).
        const snapshot = await this.stores.conversations.loadTurn(conversationId);
        if (!snapshot) throw new AppError(ErrorCodes.notFound, `No conversation ${conversationId}.`);
        conversation = snapshot.conversation;
        // No "typing" while staff hold the conversation: the bot will not answer, a human will.
        if (attempt === 1 && !conversation.handoff) deliver(botReply(conversation, activity, { type: 'typing' }));
        const current = conversation;
        const result = await this.runner.run({ conversation: current, state: snapshot.state, activity, ...(guards ? { guards } : {}) });
        const replies = result.replies.map((reply) => botReply(current, activity, reply));
        const messages = replies.filter((r) => r.type === 'message');
        const locale = result.conversation.locale !== current.locale ? result.conversation.locale ?? undefined : undefined;
        const failed = await this.failure(result.storeFailures, () =>
          commitTurn(this.stores.transcripts, { conversationId, replies: messages, state: result.state, ...(locale ? { locale } : {}) }),
        );
        if (failed === 'conflict' && attempt < MAX_TURN_ATTEMPTS) {
          log.warn('dialog state of %s changed during the turn; running it again (attempt %s)', conversationId, attempt + 1);
          continue;
        }
        if (failed) throw new AppError(ErrorCodes.unavailable, 'The turn could not be saved.');
        messages.forEach((m) => this.events.emit('activity', m));
        replies.forEach(deliver);
        // Watchers (the staff console) see a turn that handed off, or took the conversation back from the queue.
        if (result.handoffChanged) this.events.emit('conversation', result.conversation);
        return true;
      }
    } catch (err) {
      log.error('turn failed in %s', conversationId, err);
      deliver(unavailableNotice(conversationId, conversation, activity, this.responses));
      return false;
    } finally {
      deliver(turnEnd(conversationId, activity.id));
    }
  }

  /**
   * What keeps the turn from being saved: a store failure the turn met (unavailable first), else
   * one its write meets; null once its results are written.
   */
  private async failure(met: StoreFailures, write: () => Promise<void>): Promise<StoreFailure | null> {
    if (met.unavailable) return 'unavailable';
    if (met.conflict) return 'conflict';
    try {
      await write();
      return null;
    } catch (err) {
      const failure = storeFailureOf(err);
      if (!failure) throw err;
      log.warn('cannot save a turn: %s', err instanceof Error ? err.message : String(err));
      return failure;
    }
  }
}
