/**
 * @module chat/chat-service
 * What every channel does with a shopper's message, independent of transport and bot SDK, as
 * one object for the channels: open or resume the conversation (`conversation-opener`), store
 * the message before acknowledging it and queue its turn (`message-intake`), run the turn and
 * store its replies before delivering them (`turn-pipeline`), and at start answer the messages a
 * crash left unanswered (`unanswered-replay`). Reading back (`shopper-history`), rating replies
 * (`reply-feedback`) and reaching a shopper outside a turn (`pushers`) complete it.
 */
import type { ChatActivity, Conversation } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { TurnGuards, TurnRunner } from '../core/turn-runner';
import type { Stores } from '../core/stores';
import { builtInResponses } from '../domain/built-in-responses';
import type { Responses } from '../domain/responses';
import { ChatEvents } from './chat-events';
import { ConversationOpener, type OpenByIdRequest, type OpenRequest } from './conversation-opener';
import type { InboundMessage } from './inbound';
import { MessageIntake, type Accepted } from './message-intake';
import { Pushers, type Deliver } from './pushers';
import { rateReply, type ReplyRating } from './reply-feedback';
import type { ReplayOptions, ReplaySummary } from './replay-unanswered';
import { shopperHistory, type HistoryOptions } from './shopper-history';
import { TurnPipeline } from './turn-pipeline';
import { TurnQueue, type TurnOrder } from '../core/turn-queue';
import { TurnsInFlight } from './turns-in-flight';
import { UnansweredReplay } from './unanswered-replay';

export { BOT_ID } from './bot-activities';
export type { Deliver } from './pushers';
export type { OpenByIdRequest, OpenRequest } from './conversation-opener';

export class ChatService {
  /** Stored activities and conversation changes, for watchers in this process (staff console). */
  readonly events = new ChatEvents();
  /** The turns of each conversation, one at a time, in arrival order (across workers with a `TurnOrder`). */
  private readonly queue: TurnQueue;
  private readonly pushers = new Pushers();
  private readonly opener: ConversationOpener;
  private readonly intake: MessageIntake;
  private readonly replayer: UnansweredReplay;

  constructor(
    private readonly stores: Stores,
    runner: TurnRunner,
    /** Shared by the processes of `kefu serve --workers N`; none in one process. */
    turnOrder?: TurnOrder,
    /** The shop's texts, for what the service says itself (hidden orders, "please send that again"). @default the built-in `dialogs/` */
    private readonly responses: Responses = builtInResponses(),
  ) {
    this.queue = new TurnQueue(turnOrder);
    const inFlight = new TurnsInFlight();
    const pipeline = new TurnPipeline(stores, runner, this.events, responses);
    this.opener = new ConversationOpener(stores.conversations, this.events);
    this.intake = new MessageIntake(stores.transcripts, this.opener, pipeline, this.queue, inFlight, this.events);
    this.replayer = new UnansweredReplay(stores, pipeline, this.queue, inFlight, this.events, (c, a) => void this.push(c, a), responses);
  }

  /** Resumes `requestedId` when the caller owns it, else starts a new conversation stored with its first message. */
  open(req: OpenRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    return this.opener.open(req);
  }

  /** True for a conversation from `open` whose first message has not been stored yet. */
  isUnsaved(conversation: Conversation): boolean {
    return this.opener.isUnsaved(conversation);
  }

  /** Opens the conversation a channel names itself (`channel:userId`), creating it on first use. */
  openById(req: OpenByIdRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    return this.opener.openById(req);
  }

  /** The conversation a connection was opened on. */
  conversation(id: string): Promise<Conversation> {
    return this.opener.conversation(id);
  }

  /** Registers how `channel` delivers to a shopper outside a turn; see `push`. */
  registerPusher(channel: string, push: Deliver): void {
    this.pushers.register(channel, push);
  }

  /** Delivers a stored activity to the shopper on the conversation's channel, if that channel can. */
  push(conversation: Conversation, activity: ChatActivity): boolean {
    return this.pushers.push(conversation, activity);
  }

  /**
   * Stores the shopper's message and queues its turn (`MessageIntake.submit`). Resolves once it
   * is stored (the moment to acknowledge); `turn` resolves when the turn has run.
   */
  submit(conversation: Conversation, inbound: InboundMessage, deliver: Deliver, locale?: Locale, guards?: TurnGuards): Promise<Accepted> {
    return this.intake.submit(conversation, inbound, deliver, locale, guards);
  }

  /**
   * Answers the messages stored since `since` whose turns never completed (`UnansweredReplay`).
   * @example void chat.replayUnanswered({ since: new Date(Date.now() - 10 * 60_000).toISOString() });
   */
  replayUnanswered(options: ReplayOptions): Promise<ReplaySummary> {
    return this.replayer.replay(options);
  }

  /** Activities of the conversation, oldest first, as its owner may see them (`shopper-history`). */
  history(conversation: Conversation, options: HistoryOptions, session?: string): Promise<ChatActivity[]> {
    return shopperHistory(this.stores, this.responses, conversation, options, session);
  }

  /** Records a rating of one of this conversation's bot replies; another's is "not found". */
  feedback(conversation: Conversation, fb: ReplyRating): Promise<void> {
    return rateReply(this.stores, conversation, fb);
  }

  /** Waits for queued turns (shutdown). */
  drain(): Promise<void> {
    return this.queue.drain();
  }
}
