/**
 * @module chat/shopper-history
 * What a conversation's owner reads back: its activities, oldest first, as they may see them.
 * A signed-in owner gets their own words while the raw retention keeps them
 * (`KEFU_RAW_RETENTION_DAYS`), else the redacted copy. A conversation that is not signed in is
 * anyone's who holds its id (the next person at a shared computer): it reads the redacted copy,
 * and its order details show only to the connection (`session`) currently verified for that order
 * (`privacy/order-access`); others get a placeholder asking to verify again (`privacy/anonymous-view`).
 */
import type { Storage } from 'botbuilder-core';
import type { ChatActivity, Conversation, TranscriptReader } from '../core/conversation';
import type { Responses } from '../domain/responses';
import { anonymousView } from '../privacy/anonymous-view';
import { readGrants, verifiedOrders } from '../privacy/order-access';

export interface HistoryOptions {
  /** An activity id: only activities before it. */
  before?: string;
  limit?: number;
}

/** @example await shopperHistory(stores, responses, conversation, { limit: 50 }, session) */
export async function shopperHistory(
  stores: { transcripts: TranscriptReader; state: Storage },
  /** The shop's texts, for the placeholder of a hidden order. */
  responses: Responses,
  conversation: Conversation,
  options: HistoryOptions,
  session?: string,
): Promise<ChatActivity[]> {
  const activities = await stores.transcripts.list(conversation.id, { ...options, view: conversation.customerId ? 'owner' : 'staff' });
  if (conversation.customerId) return activities;
  const verified = verifiedOrders(await readGrants(stores.state, conversation), session ?? null, Date.now());
  return activities.map((a) => anonymousView(a, verified, responses));
}
