/**
 * @module dialogs/agent-presence
 * The notice a shopper sees when an agent joins or leaves their conversation ("客服 李娜 已接入",
 * "Alice has left the chat; the assistant is back"): a plain-text message from the bot in the
 * conversation's language (both when it has none), marked `channelData.agentPresence`, stored in
 * the transcript like any reply and pushed on the conversation's channel.
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity, Conversation } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { Responses } from '../domain/responses';

export type AgentPresence = 'joined' | 'left';

/** `from`: the bot, as on its replies. */
export function agentPresenceNotice(
  responses: Responses,
  conversation: Conversation,
  presence: AgentPresence,
  agentName: string,
  from: ChatActivity['from'],
): ChatActivity {
  const key = presence === 'joined' ? 'handoff.agentJoined' : 'handoff.agentLeft';
  const say = (locale: Locale) => responses.text(locale, key, { name: agentName });
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    conversationId: conversation.id,
    from,
    ...(conversation.locale ? { locale: conversation.locale } : {}),
    text: conversation.locale ? say(conversation.locale) : `${say('zh')} ${say('en')}`,
    channelData: { agentPresence: presence, agentName },
  };
}
