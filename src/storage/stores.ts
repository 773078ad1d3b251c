/**
 * @module storage/stores
 * The set of ports one store provides; the composition root picks the adapter.
 */
import type { Storage } from 'botbuilder-core';
import type { ConversationStore, FeedbackStore, HandoffQueue, TranscriptStore } from '../core/conversation';
import type { OrderRepository } from '../core/orders';
import type { ShopRepository } from '../core/shop-repository';

export interface Stores {
  kind: string;
  conversations: ConversationStore;
  transcripts: TranscriptStore;
  /** Dialog and conversation state (botbuilder `Storage`). */
  state: Storage;
  shop: ShopRepository;
  orders: OrderRepository;
  handoffs: HandoffQueue;
  feedback: FeedbackStore;
  close(): Promise<void>;
}
