/**
 * @module chat/bot-activities
 * The activities the chat service itself writes around a turn, addressed as the bot: a reply
 * completed with its id, time and addressing; `turn.end`; and the "could not save, please send it
 * again" notice when the store fails (in the shopper's language).
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation } from '../core/conversation';
import type { OutgoingActivity } from '../core/turn-runner';
import { builtInResponses } from '../domain/built-in-responses';
import type { Responses } from '../domain/responses';
import { ErrorCodes } from '../errors';
import { noticeText } from './notice-text';

export const BOT_ID = 'kefu-bot';

/**
 * A reply as the bot wrote it, completed: id, time, conversation, sender (the bot unless set) and the message it answers.
 * @example botReply(conversation, inbound, { type: 'message', text: '您好' })
 */
export function botReply(conversation: Conversation, inbound: ChatActivity, reply: OutgoingActivity): ChatActivity {
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

/** Tells clients that no more replies to `replyToId` are coming. */
export function turnEnd(conversationId: string, replyToId: string): ChatActivity {
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

/**
 * Not stored (the store is the problem): a message with the error code, `chat.notSaved` in the
 * shopper's language (every language when it is not known).
 */
export function unavailableNotice(
  conversationId: string,
  conversation: Conversation | null,
  inbound: ChatActivity,
  responses: Responses = builtInResponses(),
): ChatActivity {
  const locale = inbound.locale ?? conversation?.locale ?? null;
  const text = noticeText(responses, locale, 'chat.notSaved');
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
