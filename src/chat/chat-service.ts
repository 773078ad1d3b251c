/**
 * @module chat/chat-service
 * What every channel does with a shopper's message, independent of transport and bot SDK:
 * open or resume the conversation, store the message (idempotent on the client's id) before
 * acknowledging it, run its turn in order, store each reply before delivering it.
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { OutgoingActivity, TurnRunner } from '../core/turn-runner';
import { AppError, ErrorCodes } from '../errors';
import { createLogger } from '../log';
import type { Stores } from '../storage/stores';
import type { InboundMessage } from './inbound';
import { TurnQueue } from './turn-queue';

const log = createLogger('kefu:chat');

/** Delivers an activity to the shopper's open connections (a socket room, an HTTP response…). */
export type Deliver = (activity: ChatActivity) => void;

export const BOT_ID = 'kefu-bot';

export interface OpenRequest {
  requestedId?: string;
  channel: string;
  customerId: string | null;
  locale: Locale | null;
}

export class ChatService {
  private readonly queue = new TurnQueue();

  constructor(
    private readonly stores: Stores,
    private readonly runner: TurnRunner,
  ) {}

  /** Resumes `requestedId` when it exists and belongs to the caller; otherwise starts a new one. */
  async open(req: OpenRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    if (req.requestedId) {
      const existing = await this.stores.conversations.get(req.requestedId);
      if (existing && existing.channel === req.channel && existing.customerId === req.customerId) {
        return { conversation: existing, resumed: true };
      }
    }
    const conversation = await this.stores.conversations.create({
      id: randomUUID(),
      channel: req.channel,
      customerId: req.customerId,
      locale: req.locale,
    });
    return { conversation, resumed: false };
  }

  /** The conversation a connection was opened on. */
  async conversation(id: string): Promise<Conversation> {
    const conversation = await this.stores.conversations.get(id);
    if (!conversation) throw new AppError(ErrorCodes.notFound, 'This conversation no longer exists.');
    return conversation;
  }

  /**
   * Stores the shopper's message and queues its turn. Resolves once it is stored (the moment to
   * acknowledge); `turn` resolves when the turn has run. A retried id is not run again.
   */
  async submit(
    conversation: Conversation,
    inbound: InboundMessage,
    deliver: Deliver,
    locale?: Locale,
  ): Promise<{ activity: ChatActivity; duplicate: boolean; turn: Promise<void> }> {
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
    let stored;
    try {
      stored = await this.stores.transcripts.append(activity);
    } catch (err) {
      log.error('could not store message in %s', conversation.id, err);
      throw new AppError(ErrorCodes.unavailable, 'Your message could not be saved. Please try again.', { cause: err });
    }
    if (!stored.inserted) return { activity: stored.activity, duplicate: true, turn: Promise.resolve() };
    const turn = this.queue.run(conversation.id, () => this.runTurn(conversation.id, stored.activity, deliver));
    return { activity: stored.activity, duplicate: false, turn };
  }

  private async runTurn(conversationId: string, activity: ChatActivity, deliver: Deliver): Promise<void> {
    // Read fresh: a turn queued earlier may have changed it (locale, handoff).
    const conversation = (await this.stores.conversations.get(conversationId)) as Conversation;
    deliver(this.complete(conversation, activity, { type: 'typing' }));
    const send = async (reply: OutgoingActivity): Promise<ChatActivity> => {
      const full = this.complete(conversation, activity, reply);
      if (full.type === 'message') await this.stores.transcripts.append(full);
      deliver(full);
      return full;
    };
    try {
      await this.runner.run({ conversation, activity }, send);
    } catch (err) {
      log.error('turn failed in %s', conversation.id, err);
    } finally {
      deliver(this.complete(conversation, activity, { type: 'event', name: 'turn.end' }));
    }
  }

  private complete(conversation: Conversation, inbound: ChatActivity, reply: OutgoingActivity): ChatActivity {
    return {
      ...reply,
      type: reply.type,
      id: reply.id ?? randomUUID(),
      timestamp: reply.timestamp ?? new Date().toISOString(),
      conversationId: conversation.id,
      from: reply.from ?? { id: BOT_ID, role: 'bot' },
      replyToId: inbound.id,
    };
  }

  /** Activities of the conversation, oldest first. */
  history(conversation: Conversation, options: { before?: string; limit?: number }): Promise<ChatActivity[]> {
    return this.stores.transcripts.list(conversation.id, options);
  }

  /** Records a rating of one of this conversation's bot replies; another's is "not found". */
  async feedback(conversation: Conversation, fb: { activityId: string; rating: 'up' | 'down'; comment?: string }): Promise<void> {
    const target = await this.stores.transcripts.get(conversation.id, fb.activityId);
    if (!target || target.from.role === 'user') throw new AppError(ErrorCodes.notFound, 'No such reply in this conversation.');
    await this.stores.feedback.record({ conversationId: conversation.id, ...fb });
  }

  /** Waits for queued turns (shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}
