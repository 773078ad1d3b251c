/**
 * @module chat/replay-unanswered
 * What `ChatService.replayUnanswered` takes and reports, and the one reply it writes itself: a
 * message acknowledged before a crash whose stored copy is redacted (raw copies are not kept) is
 * not run on the masked words — `[****]` would count as a wrong verification answer — the
 * shopper is asked, in their language, to send it again.
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation } from '../core/conversation';
import type { Responses } from '../domain/responses';
import { noticeText } from './notice-text';

export interface ReplayOptions {
  /** ISO time: messages stored before it are left (the shopper has moved on). */
  since: string;
  /** How a replayed turn reaches the shopper. @default the channel's pusher (`ChatService.push`) */
  deliver?: (conversation: Conversation, activity: ChatActivity) => void;
  /** Most messages replayed in one start. @default 1000 */
  limit?: number;
  /** Only these conversations (a worker that died held their turns). @default all */
  conversations?: ReadonlySet<string>;
}

/** What a replay did with each message the store found. */
export interface ReplaySummary {
  /** Unanswered messages the store found since `since`. */
  found: number;
  /** Run as turns, their replies stored and delivered. */
  replayed: number;
  /** Only a redacted copy was left: answered with "please send that again". */
  askedAgain: number;
  /** Answered meanwhile (a client resent it), taken by staff, the conversation gone, or the turn failed (logged). */
  skipped: number;
}

export type ReplayOutcome = Exclude<keyof ReplaySummary, 'found'>;

export const DEFAULT_REPLAY_LIMIT = 1000;

/** Marks the notice in `channelData`, so clients and staff can tell it from a bot answer. */
export const SEND_AGAIN = 'sendAgain';

/**
 * The reply to a message whose words are lost, in its language (the conversation's):
 * `chat.restartedPrivate`; when neither is known, the shorter `chat.restarted` in every language.
 */
export function sendAgainNotice(responses: Responses, conversation: Conversation, inbound: ChatActivity, from: ChatActivity['from']): ChatActivity {
  const locale = inbound.locale ?? conversation.locale ?? null;
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    conversationId: conversation.id,
    from,
    replyToId: inbound.id,
    ...(locale ? { locale } : {}),
    text: locale ? responses.text(locale, 'chat.restartedPrivate') : noticeText(responses, null, 'chat.restarted'),
    channelData: { [SEND_AGAIN]: true },
  };
}
