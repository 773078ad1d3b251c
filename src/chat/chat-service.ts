/**
 * @module chat/chat-service
 * What every channel does with a shopper's message, independent of transport and bot SDK:
 * open or resume the conversation, store the message (idempotent on the client's id) before
 * acknowledging it, run its turn in order, store each reply before delivering it. At start,
 * answer the messages a crash left acknowledged but unanswered (`replayUnanswered`).
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation, UnansweredActivity } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { OutgoingActivity, TurnGuards, TurnRunner } from '../core/turn-runner';
import { AppError, ErrorCodes } from '../errors';
import { createLogger } from '../log';
import { anonymousView } from '../privacy/anonymous-view';
import { readGrants, verifiedOrders } from '../privacy/order-access';
import { withStoreFailures } from '../storage/store-failure-scope';
import type { Stores } from '../storage/stores';
import { ChatEvents } from './chat-events';
import type { InboundMessage } from './inbound';
import { DEFAULT_REPLAY_LIMIT, sendAgainNotice, type ReplayOptions, type ReplayOutcome, type ReplaySummary } from './replay-unanswered';
import { TurnQueue, type TurnOrder } from './turn-queue';
import { TurnPacer } from './turn-pacer';

const log = createLogger('kefu:chat');

/** Delivers an activity to the shopper's open connections (a socket room, an HTTP response…). */
export type Deliver = (activity: ChatActivity) => void;

export const BOT_ID = 'kefu-bot';

/** A turn whose dialog-state write loses an eTag race runs again, at most this often in all. */
const MAX_TURN_ATTEMPTS = 3;
/** Tries to store a turn's replies before the shopper is asked to try again. */
const REPLY_STORE_ATTEMPTS = 3;

const UNAVAILABLE_TEXT: Record<Locale | 'both', string> = {
  zh: '抱歉，系统暂时无法保存对话，请稍后重新发送这条消息。',
  en: 'Sorry, we could not save the conversation just now. Please send your message again in a moment.',
  both: '抱歉，系统暂时无法保存对话，请稍后重新发送这条消息。 Sorry, we could not save the conversation just now. Please send your message again in a moment.',
};

export interface OpenRequest {
  requestedId?: string;
  channel: string;
  customerId: string | null;
  locale: Locale | null;
}

export interface OpenByIdRequest {
  /** The channel's own id for the shopper's thread, e.g. `wechat:oUser123`. */
  id: string;
  channel: string;
  customerId: string | null;
  locale: Locale | null;
}

export class ChatService {
  /** Stored activities and conversation changes, for watchers in this process (staff console). */
  readonly events = new ChatEvents();
  private readonly queue: TurnQueue;
  /** Spreads the turns a group commit releases together over event-loop turns (`turn-pacer`). */
  private readonly pacer = new TurnPacer();
  /**
   * Each conversation's messages are stored and queued one after another, in arrival order: a
   * message whose store step takes longer (the verification-answer check reads the transcript
   * first) must not let a later message be stored and run before it.
   */
  private readonly arrivals = new TurnQueue();
  /** `conversationId\nactivityId` of turns queued or running, so a retry is not run twice. */
  private readonly inFlight = new Set<string>();
  /** How each channel reaches a shopper outside a turn (an agent's message): socket rooms, a push API… */
  private readonly pushers = new Map<string, Deliver>();
  /** Conversations from `open` not stored yet, and those being stored by their first message. */
  private readonly unsaved = new WeakSet<Conversation>();
  private readonly saving = new WeakMap<Conversation, Promise<void>>();

  constructor(
    private readonly stores: Stores,
    private readonly runner: TurnRunner,
    /** Shared by the processes of `kefu serve --workers N`; none in one process. */
    turnOrder?: TurnOrder,
  ) {
    this.queue = new TurnQueue(turnOrder);
  }

  /**
   * Resumes `requestedId` when it exists and belongs to the caller (one read); otherwise starts a
   * new one that is only stored with its first message (`submit`), so a connection that never
   * says anything costs no storage. Until then the new conversation is `isUnsaved`.
   */
  async open(req: OpenRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    if (req.requestedId) {
      const existing = await this.stores.conversations.get(req.requestedId);
      if (existing && existing.channel === req.channel && existing.customerId === req.customerId) {
        return { conversation: existing, resumed: true };
      }
    }
    const now = new Date().toISOString();
    const conversation: Conversation = {
      id: randomUUID(),
      channel: req.channel,
      customerId: req.customerId,
      locale: req.locale,
      handoff: false,
      createdAt: now,
      updatedAt: now,
    };
    this.unsaved.add(conversation);
    return { conversation, resumed: false };
  }

  /** True for a conversation from `open` whose first message has not been stored yet. */
  isUnsaved(conversation: Conversation): boolean {
    return this.unsaved.has(conversation);
  }

  /** Stores a conversation from `open` (once, however many first messages race) and tells watchers. */
  private save(conversation: Conversation): Promise<void> {
    let saving = this.saving.get(conversation);
    if (!saving) {
      saving = this.stores.conversations
        .create({ id: conversation.id, channel: conversation.channel, customerId: conversation.customerId, locale: conversation.locale })
        .then((stored) => {
          this.unsaved.delete(conversation);
          this.events.emit('conversation', stored);
        })
        .finally(() => this.saving.delete(conversation));
      this.saving.set(conversation, saving);
    }
    return saving;
  }

  /**
   * Opens the conversation a channel names itself (`channel:userId`), creating it on first use.
   * The id is the channel's, so it is only ever opened by that channel: a clash with another
   * channel's conversation is refused.
   */
  async openById(req: OpenByIdRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    const existing = await this.stores.conversations.get(req.id);
    if (existing) {
      if (existing.channel !== req.channel) throw new AppError(ErrorCodes.notFound, 'This conversation belongs to another channel.');
      return { conversation: existing, resumed: true };
    }
    try {
      const conversation = await this.stores.conversations.create({ id: req.id, channel: req.channel, customerId: req.customerId, locale: req.locale });
      this.events.emit('conversation', conversation);
      return { conversation, resumed: false };
    } catch (err) {
      // Two first messages at once: the other request created it.
      const raced = await this.stores.conversations.get(req.id);
      if (raced && raced.channel === req.channel) return { conversation: raced, resumed: true };
      throw err;
    }
  }

  /** Registers how `channel` delivers to a shopper outside a turn; see `push`. */
  registerPusher(channel: string, push: Deliver): void {
    this.pushers.set(channel, push);
  }

  /** Delivers a stored activity to the shopper on the conversation's channel, if that channel can. */
  push(conversation: Conversation, activity: ChatActivity): boolean {
    const pusher = this.pushers.get(conversation.channel);
    if (!pusher) return false;
    pusher(activity);
    return true;
  }

  /** The conversation a connection was opened on. */
  async conversation(id: string): Promise<Conversation> {
    const conversation = await this.stores.conversations.get(id);
    if (!conversation) throw new AppError(ErrorCodes.notFound, 'This conversation no longer exists.');
    return conversation;
  }

  /**
   * Stores the shopper's message and queues its turn. Resolves once it is stored (the moment to
   * acknowledge); `turn` resolves when the turn has run. A retried id is not run again, unless
   * its turn never completed (the server crashed, or the store failed mid-turn and the shopper
   * was asked to try again): a stored message without replies that is not queued runs now.
   * A conversation from `open` is stored right before its first message. `guards` go to the turn
   * (the channel's limit on requests for a human).
   */
  async submit(
    conversation: Conversation,
    inbound: InboundMessage,
    deliver: Deliver,
    locale?: Locale,
    guards?: TurnGuards,
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
    // The connection, for the order flow's proof of verification (not stored: `privacy/redact-activity`).
    if (inbound.session) activity.channelData = { ...activity.channelData, session: inbound.session };
    let accepted!: { activity: ChatActivity; duplicate: boolean; turn: Promise<void> };
    await this.arrivals.run(conversation.id, async () => {
      accepted = await this.storeAndQueue(conversation, activity, deliver, guards);
    });
    return accepted;
  }

  /** `submit`'s store step and turn queueing, run in the conversation's arrival order. */
  private async storeAndQueue(
    conversation: Conversation,
    activity: ChatActivity,
    deliver: Deliver,
    guards?: TurnGuards,
  ): Promise<{ activity: ChatActivity; duplicate: boolean; turn: Promise<void> }> {
    let stored;
    try {
      if (this.unsaved.has(conversation)) await this.save(conversation);
      stored = await this.stores.transcripts.append(activity);
    } catch (err) {
      log.error('could not store message in %s', conversation.id, err);
      throw new AppError(ErrorCodes.unavailable, 'Your message could not be saved. Please try again.', { cause: err });
    }
    if (stored.inserted) this.events.emit('activity', stored.activity);
    const key = `${conversation.id}\n${stored.activity.id}`;
    if (!stored.inserted) {
      const unanswered = !this.inFlight.has(key) && (await this.unanswered(conversation.id, stored.activity.id));
      // Checked again after the await: two retries arriving together must not both run it.
      if (!unanswered || this.inFlight.has(key)) return { activity: stored.activity, duplicate: true, turn: Promise.resolve() };
    }
    this.inFlight.add(key);
    // The turn reads what the shopper typed, not the stored (redacted) copy of a retried message.
    const input = stored.inserted ? stored.activity : { ...activity, timestamp: stored.activity.timestamp };
    const turn = this.queue
      .run(conversation.id, async () => void (await this.runTurn(conversation.id, input, deliver, guards)))
      .finally(() => this.inFlight.delete(key));
    return { activity: stored.activity, duplicate: !stored.inserted, turn };
  }

  /** True when a stored message has no stored reply (its turn never completed). */
  private async unanswered(conversationId: string, activityId: string): Promise<boolean> {
    try {
      return (await this.stores.transcripts.repliesTo(conversationId, activityId)).length === 0;
    } catch {
      return false;
    }
  }

  /**
   * Answers the messages stored since `since` whose turns never completed because the server
   * stopped (`TranscriptStore.unanswered`). Each runs through the conversation's queue, in order,
   * as a retried message would: once, even when the client resends it meanwhile. Replies are
   * stored, then delivered through the channel's pusher (a shopper who reconnects later finds
   * them in `history`). A message whose only stored copy is redacted is answered with "please
   * send that again" instead. Resolves when every replayed turn has run; never rejects.
   * @example void chat.replayUnanswered({ since: new Date(Date.now() - 10 * 60_000).toISOString() });
   */
  async replayUnanswered(options: ReplayOptions): Promise<ReplaySummary> {
    const summary: ReplaySummary = { found: 0, replayed: 0, askedAgain: 0, skipped: 0 };
    const transcripts = this.stores.transcripts;
    if (!transcripts.unanswered) {
      log.warn('replay: this store cannot list unanswered messages; none replayed');
      return summary;
    }
    const limit = options.limit ?? DEFAULT_REPLAY_LIMIT;
    const deliver = options.deliver ?? ((conversation, activity) => void this.push(conversation, activity));
    try {
      const listed = await transcripts.unanswered(options.since, limit);
      const found = options.conversations ? listed.filter((f) => options.conversations!.has(f.activity.conversationId)) : listed;
      summary.found = found.length;
      const outcomes = await Promise.all(found.map((f) => this.replayOne(f, deliver)));
      for (const outcome of outcomes) summary[outcome]++;
      log.info(
        'replay since %s: %s unanswered message(s), %s replayed, %s asked to send again, %s skipped%s',
        options.since, summary.found, summary.replayed, summary.askedAgain, summary.skipped,
        found.length === limit ? ` (limit ${limit} reached: later ones are left)` : '',
      );
    } catch (err) {
      log.error('replay since %s failed', options.since, err);
    }
    return summary;
  }

  /** Queues one found message like a retry: skipped when it is in flight, answered meanwhile, or staff hold it. */
  private async replayOne(found: UnansweredActivity, deliverTo: NonNullable<ReplayOptions['deliver']>): Promise<ReplayOutcome> {
    const { activity } = found;
    const key = `${activity.conversationId}\n${activity.id}`;
    if (this.inFlight.has(key)) return 'skipped';
    this.inFlight.add(key);
    let outcome: ReplayOutcome = 'skipped';
    try {
      await this.queue.run(activity.conversationId, async () => {
        // Read in turn, not from the query: a resend may have answered it, or staff taken it, since.
        const conversation = await this.stores.conversations.get(activity.conversationId);
        if (!conversation || conversation.handoff || !(await this.unanswered(conversation.id, activity.id))) return;
        const deliver: Deliver = (a) => deliverTo(conversation, a);
        if (found.redacted) {
          outcome = (await this.askAgain(conversation, activity, deliver)) ? 'askedAgain' : 'skipped';
        } else {
          outcome = (await this.runTurn(conversation.id, activity, deliver)) ? 'replayed' : 'skipped';
        }
      });
    } catch (err) {
      log.warn('cannot replay %s in %s', activity.id, activity.conversationId, err);
    } finally {
      this.inFlight.delete(key);
    }
    return outcome;
  }

  /** Stores and delivers the "please send that again" reply to a message whose words were redacted. */
  private async askAgain(conversation: Conversation, inbound: ChatActivity, deliver: Deliver): Promise<boolean> {
    const notice = sendAgainNotice(conversation, inbound, { id: BOT_ID, role: 'bot' });
    try {
      await this.storeReplies([notice]);
      this.events.emit('activity', notice);
      deliver(notice);
      return true;
    } catch (err) {
      log.error('cannot store the send-again reply in %s', conversation.id, err);
      return false;
    } finally {
      deliver(this.turnEnd(conversation.id, inbound.id));
    }
  }

  /**
   * Runs one turn with its replies held back: they are stored (all or nothing), then delivered,
   * only once the turn (and its dialog-state save) succeeded. A dialog-state write that lost an
   * eTag race re-runs the turn on fresh state; a store that is unavailable discards the turn and
   * tells the shopper to try again (`KEFU_UNAVAILABLE`). Resolves true when the turn's replies were stored.
   */
  private async runTurn(conversationId: string, activity: ChatActivity, deliver: Deliver, guards?: TurnGuards): Promise<boolean> {
    let conversation: Conversation | null = null;
    try {
      await this.pacer.next();
      for (let attempt = 1; ; attempt++) {
        // Read fresh: a turn queued earlier (or another server) may have changed it (locale, handoff).
        conversation = (await this.stores.conversations.get(conversationId)) as Conversation;
        // No "typing" while staff hold the conversation: the bot will not answer, a human will.
        if (attempt === 1 && !conversation.handoff) deliver(this.complete(conversation, activity, { type: 'typing' }));
        const current = conversation;
        const replies: ChatActivity[] = [];
        const send = async (reply: OutgoingActivity): Promise<ChatActivity> => {
          const full = this.complete(current, activity, reply);
          replies.push(full);
          return full;
        };
        const { failures } = await withStoreFailures(() => this.runner.run({ conversation: current, activity, ...(guards ? { guards } : {}) }, send));
        if (failures.conflict && !failures.unavailable && attempt < MAX_TURN_ATTEMPTS) {
          log.warn('dialog state of %s changed during the turn; running it again (attempt %s)', conversationId, attempt + 1);
          continue;
        }
        if (failures.conflict || failures.unavailable) {
          throw new AppError(ErrorCodes.unavailable, 'The turn could not be saved.');
        }
        const messages = replies.filter((r) => r.type === 'message');
        await this.storeReplies(messages);
        messages.forEach((m) => this.events.emit('activity', m));
        replies.forEach(deliver);
        // A turn that handed off or left the queue says so on its replies (`channelData.handoff`); only then is the conversation re-read.
        if (messages.some((m) => typeof m.channelData?.handoff === 'boolean' && m.channelData.handoff !== current.handoff)) await this.announceHandoff(current);
        return true;
      }
    } catch (err) {
      log.error('turn failed in %s', conversationId, err);
      deliver(this.unavailableNotice(conversationId, conversation, activity));
      return false;
    } finally {
      deliver(this.turnEnd(conversationId, activity.id));
    }
  }

  /** Tells clients that no more replies to `replyToId` are coming. */
  private turnEnd(conversationId: string, replyToId: string): ChatActivity {
    return {
      type: 'event',
      name: 'turn.end',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      conversationId,
      from: { id: BOT_ID, role: 'bot' },
      replyToId,
    };
  }

  /** Tells watchers (the staff console) that the turn handed the conversation off, or took it back from the queue. */
  private async announceHandoff(before: Conversation): Promise<void> {
    try {
      const after = await this.stores.conversations.get(before.id);
      if (after && after.handoff !== before.handoff) this.events.emit('conversation', after);
    } catch (err) {
      log.warn('cannot re-read %s after its turn', before.id, err);
    }
  }

  /** All or nothing when the store can; a few quick retries ride out a brief outage (appends are idempotent). */
  private async storeReplies(replies: ChatActivity[]): Promise<void> {
    if (replies.length === 0) return;
    const transcripts = this.stores.transcripts;
    for (let attempt = 1; ; attempt++) {
      try {
        if (transcripts.appendAll) await transcripts.appendAll(replies);
        else for (const r of replies) await transcripts.append(r);
        return;
      } catch (err) {
        if (attempt >= REPLY_STORE_ATTEMPTS) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }

  /** Not stored (the store is the problem): a message with the error code, in the shopper's language. */
  private unavailableNotice(conversationId: string, conversation: Conversation | null, inbound: ChatActivity): ChatActivity {
    const locale = inbound.locale ?? conversation?.locale ?? null;
    const text = UNAVAILABLE_TEXT[locale ?? 'both'];
    return {
      type: 'message',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      conversationId,
      from: { id: BOT_ID, role: 'bot' },
      replyToId: inbound.id,
      ...(locale ? { locale } : {}),
      text,
      channelData: { error: { code: ErrorCodes.unavailable, message: text } },
    };
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

  /**
   * Activities of the conversation, oldest first, as its owner may see them: a signed-in owner's
   * own words while the raw retention keeps them (`KEFU_RAW_RETENTION_DAYS`), else the redacted copy. A
   * conversation that is not signed in is anyone's who holds its id, so its order details show
   * only to the connection (`session`) currently verified for that order (`privacy/order-access`);
   * others get a placeholder asking to verify again (`privacy/anonymous-view`).
   */
  async history(conversation: Conversation, options: { before?: string; limit?: number }, session?: string): Promise<ChatActivity[]> {
    // Raw words (`KEFU_RAW_RETENTION_DAYS`) only to a signed-in owner: anyone holding an anonymous
    // conversation's id (the next person at a shared computer) reads the redacted copy.
    const activities = await this.stores.transcripts.list(conversation.id, { ...options, view: conversation.customerId ? 'owner' : 'staff' });
    if (conversation.customerId) return activities;
    const verified = verifiedOrders(await readGrants(this.stores.state, conversation), session ?? null, Date.now());
    return activities.map((a) => anonymousView(a, verified));
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
