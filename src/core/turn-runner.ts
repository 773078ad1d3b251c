/**
 * @module core/turn-runner
 * The port between channels and the bot: one inbound activity in, the turn's result out (its
 * replies, the conversation as the turn left it, and the store failures it met), as values: no
 * flags stamped on replies, no ambient scope. The botbuilder implementation lives in `src/bot`; a
 * successor SDK would implement this too.
 */
import type { ChatActivity, Conversation } from './conversation';
import type { DialogStateItems } from './turn-store';

/** A reply as the bot writes it; the chat service fills ids, times, addressing and stores it. */
export type OutgoingActivity = Partial<Omit<ChatActivity, 'conversationId'>> & Pick<ChatActivity, 'type'>;

/** Checks a channel puts on what a turn may do, for the shopper who sent its message. */
export interface TurnGuards {
  /** Whether this shopper's network may ask for a human now (counts the request when it may). */
  handoff?: () => boolean;
}

export interface TurnInput {
  conversation: Conversation;
  /** The conversation's dialog state, read with it (`TurnLoader.loadTurn`): the runner reads no other copy. */
  state: DialogStateItems;
  activity: ChatActivity;
  /** None for a turn replayed at start: nothing is refused then. */
  guards?: TurnGuards;
}

/** What went wrong with the store during a turn, even when the bot answered politely instead. */
export interface StoreFailures {
  /** A write lost an eTag race: the turn runs again on fresh state. */
  conflict: boolean;
  /** The store failed otherwise: the turn is discarded and the shopper asked to send it again. */
  unavailable: boolean;
}

export interface TurnResult {
  /** Everything the bot sent, in order (messages, typing, events). */
  replies: OutgoingActivity[];
  /** The conversation as the turn left it (its locale, whether staff have it). */
  conversation: Conversation;
  /** True when the turn handed the conversation to staff or took it back from the queue. */
  handoffChanged: boolean;
  /** The dialog state the turn wrote, with the eTag it read: stored with the replies, in one write. */
  state: DialogStateItems;
  storeFailures: StoreFailures;
}

export interface TurnRunner {
  run(input: TurnInput): Promise<TurnResult>;
}

/**
 * The result of a turn that only answered: the conversation and its state unchanged, no store failure.
 * @example repliesOnly(input.conversation, [{ type: 'message', text: 'hi' }])
 */
export function repliesOnly(conversation: Conversation, replies: OutgoingActivity[]): TurnResult {
  return { replies, conversation, handoffChanged: false, state: {}, storeFailures: { conflict: false, unavailable: false } };
}
