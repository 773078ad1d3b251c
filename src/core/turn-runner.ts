/**
 * @module core/turn-runner
 * The port between channels and the bot: one inbound activity in, replies out through `send`.
 * The botbuilder implementation lives in `src/bot`; a successor SDK would implement this too.
 */
import type { ChatActivity, Conversation } from './conversation';

/** A reply as the bot writes it; the chat service fills ids, times, addressing and stores it. */
export type OutgoingActivity = Partial<Omit<ChatActivity, 'conversationId'>> & Pick<ChatActivity, 'type'>;

export interface TurnInput {
  conversation: Conversation;
  activity: ChatActivity;
}

export interface TurnRunner {
  run(input: TurnInput, send: (reply: OutgoingActivity) => Promise<ChatActivity>): Promise<void>;
}
