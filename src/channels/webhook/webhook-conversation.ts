/**
 * @module channels/webhook/webhook-conversation
 * Identity on the webhook channel: the integration's thread `{conversationId}` is kefu's
 * conversation `webhook:{conversationId}`, owned by whoever its first message came from. Only a
 * valid `customerToken` signs a shopper in; a conversation opened for one customer answers
 * every other caller (another customer's token, no token, or a token on an anonymous thread) as
 * if it did not exist, so a thread id never reveals or reaches someone else's orders.
 */
import type { ChatService } from '../../chat/chat-service';
import type { Conversation, ConversationStore } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import { AppError, ErrorCodes } from '../../errors';
import { HttpError } from '../../http/respond';

export const CHANNEL = 'webhook';

/** The same answer for "someone else's" as for "no such conversation". */
const notFound = (): HttpError => new HttpError(404, ErrorCodes.notFound, 'No such conversation.');

/** `webhook:{conversationId}`: the stored conversation id of the integration's thread. */
export function webhookConversationId(conversationId: string): string {
  return `${CHANNEL}:${conversationId}`;
}

/**
 * The thread's stored conversation when it exists and belongs to `customerId` (null: anonymous);
 * null when it does not exist yet.
 * @throws HttpError 404 when it belongs to someone else.
 */
export async function existingWebhookConversation(
  conversations: ConversationStore,
  conversationId: string,
  customerId: string | null,
): Promise<Conversation | null> {
  const conversation = await conversations.get(webhookConversationId(conversationId));
  if (conversation && conversation.customerId !== customerId) throw notFound();
  return conversation;
}

/**
 * Opens (creating on first use) the thread's conversation for `customerId` (null: anonymous).
 * @throws HttpError 404 when it belongs to someone else.
 */
export async function openWebhookConversation(
  chat: ChatService,
  conversationId: string,
  customerId: string | null,
  locale: Locale | null,
): Promise<Conversation> {
  let conversation: Conversation;
  try {
    ({ conversation } = await chat.openById({ id: webhookConversationId(conversationId), channel: CHANNEL, customerId, locale }));
  } catch (err) {
    if (err instanceof AppError && err.code === ErrorCodes.notFound) throw notFound();
    throw err;
  }
  if (conversation.customerId !== customerId) throw notFound();
  return conversation;
}
