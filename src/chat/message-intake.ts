/**
 * @module chat/message-intake
 * A shopper's message in: built into an activity, stored (idempotent on the client's id) before
 * it is acknowledged, and its turn queued, each conversation's messages in arrival order. A
 * retried id is not run again unless its turn never completed.
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation, TranscriptAppender, TranscriptReader } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { TurnGuards } from '../core/turn-runner';
import { AppError, ErrorCodes } from '../errors';
import { createLogger } from '../log';
import type { ChatEvents } from './chat-events';
import type { ConversationOpener } from './conversation-opener';
import type { InboundMessage } from './inbound';
import type { Deliver } from './pushers';
import { TurnQueue } from '../core/turn-queue';
import type { TurnPipeline } from './turn-pipeline';
import { awaitsReply } from './turn-replies';
import type { TurnsInFlight } from './turns-in-flight';

const log = createLogger('kefu:chat');

/** What `submit` resolves with once the message is stored: the moment to acknowledge it. */
export interface Accepted {
  activity: ChatActivity;
  duplicate: boolean;
  /** Resolves when the message's turn has run. */
  turn: Promise<void>;
}

/** The activity a shopper's message becomes, from the shopper of `conversation`. */
function inboundActivity(conversation: Conversation, inbound: InboundMessage, locale?: Locale): ChatActivity {
  const activity: ChatActivity = {
    type: 'message',
    id: inbound.clientId ?? randomUUID(),
    timestamp: new Date().toISOString(),
    conversationId: conversation.id,
    from: { id: conversation.customerId ?? `shopper:${conversation.id}`, role: 'user' },
    ...(locale ? { locale } : {}),
    ...(inbound.kind === 'message'
      ? { text: inbound.text }
      : { value: inbound.value, ...(inbound.data !== undefined ? { channelData: { postbackData: inbound.data } } : {}) }),
  };
  // The connection, for the order flow's proof of verification (not stored: `privacy/redact-activity`).
  if (inbound.session) activity.channelData = { ...activity.channelData, session: inbound.session };
  return activity;
}

export class MessageIntake {
  /**
   * Each conversation's messages are stored and queued one after another, in arrival order: a
   * message whose store step takes longer (the verification-answer check reads the transcript
   * first) must not let a later message be stored and run before it.
   */
  private readonly arrivals = new TurnQueue();

  constructor(
    private readonly transcripts: TranscriptAppender & TranscriptReader,
    private readonly opener: ConversationOpener,
    private readonly pipeline: TurnPipeline,
    /** The turns of each conversation, one at a time (shared with replay). */
    private readonly queue: TurnQueue,
    private readonly inFlight: TurnsInFlight,
    private readonly events: ChatEvents,
  ) {}

  /**
   * Stores the shopper's message and queues its turn. Resolves once it is stored (the moment to
   * acknowledge); `turn` resolves when the turn has run. A retried id is not run again, unless
   * its turn never completed (the server crashed, or the store failed mid-turn and the shopper
   * was asked to try again): a stored message without replies that is not queued runs now.
   * A conversation from `open` is stored right before its first message. `guards` go to the turn
   * (the channel's limit on requests for a human).
   */
  async submit(conversation: Conversation, inbound: InboundMessage, deliver: Deliver, locale?: Locale, guards?: TurnGuards): Promise<Accepted> {
    const activity = inboundActivity(conversation, inbound, locale);
    let accepted!: Accepted;
    await this.arrivals.run(conversation.id, async () => {
      accepted = await this.storeAndQueue(conversation, activity, deliver, guards);
    });
    return accepted;
  }

  /** `submit`'s store step and turn queueing, run in the conversation's arrival order. */
  private async storeAndQueue(conversation: Conversation, activity: ChatActivity, deliver: Deliver, guards?: TurnGuards): Promise<Accepted> {
    let stored;
    try {
      await this.opener.saveIfUnsaved(conversation);
      stored = await this.transcripts.append(activity);
    } catch (err) {
      log.error('could not store message in %s', conversation.id, err);
      throw new AppError(ErrorCodes.unavailable, 'Your message could not be saved. Please try again.', { cause: err });
    }
    if (stored.inserted) this.events.emit('activity', stored.activity);
    const id = stored.activity.id;
    if (!stored.inserted) {
      const unanswered = !this.inFlight.has(conversation.id, id) && (await awaitsReply(this.transcripts, conversation.id, id));
      // Checked again after the await: two retries arriving together must not both run it.
      if (!unanswered || this.inFlight.has(conversation.id, id)) return { activity: stored.activity, duplicate: true, turn: Promise.resolve() };
    }
    this.inFlight.add(conversation.id, id);
    // The turn reads what the shopper typed, not the stored (redacted) copy of a retried message.
    const input = stored.inserted ? stored.activity : { ...activity, timestamp: stored.activity.timestamp };
    const turn = this.queue
      .run(conversation.id, async () => void (await this.pipeline.run(conversation.id, input, deliver, guards)))
      .finally(() => this.inFlight.delete(conversation.id, id));
    return { activity: stored.activity, duplicate: !stored.inserted, turn };
  }
}
