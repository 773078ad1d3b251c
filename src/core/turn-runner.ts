/**
 * @module core/turn-runner
 * The port between channels and the bot: one inbound activity in, replies out through `send`.
 * The botbuilder implementation lives in `src/bot`; a successor SDK would implement this too.
 */
import type { ChatActivity, Conversation } from './conversation';

/** A reply as the bot writes it; the chat service fills ids, times, addressing and stores it. */
export type OutgoingActivity = Partial<Omit<ChatActivity, 'conversationId'>> & Pick<ChatActivity, 'type'>;

/** Checks a channel puts on what a turn may do, for the shopper who sent its message. */
export interface TurnGuards {
  /** Whether this shopper's network may ask for a human now (counts the request when it may). */
  handoff?: () => boolean;
}

export interface TurnInput {
  conversation: Conversation;
  activity: ChatActivity;
  /** None for a turn replayed at start: nothing is refused then. */
  guards?: TurnGuards;
}

export interface TurnRunner {
  run(input: TurnInput, send: (reply: OutgoingActivity) => Promise<ChatActivity>): Promise<void>;
}
