/**
 * @module storage/mongoose
 * The MongoDB store through mongoose, chosen when `MONGODB_URI` is set: one adapter per port on
 * one connection. Needs a replica set (or a sharded cluster): batches, imports, order changes and
 * handoffs are transactions. A single-node replica set is enough for development.
 */
import { openConnection } from './connection';
import { createModels } from './models';
import { MongooseConversationStore } from './mongoose-conversation-store';
import { MongooseFeedbackStore } from './mongoose-feedback-store';
import { MongooseHandoffQueue } from './mongoose-handoff-queue';
import { MongooseOrderRepository } from './mongoose-order-repository';
import { MongooseShopRepository } from './mongoose-shop-repository';
import { MongooseStorage } from './mongoose-storage';
import { MongooseTranscriptStore } from './mongoose-transcript-store';
import type { Stores } from '../stores';

// Temporary (replaced by the mongoose staff and search adapters in the next commits).
const notYet = <T extends object>(): T =>
  new Proxy({} as T, {
    get: () => async () => {
      throw new Error('not implemented yet');
    },
  });

/**
 * @example const stores = await openMongooseStores('mongodb://localhost:27017/kefu?replicaSet=rs0');
 */
export async function openMongooseStores(uri: string): Promise<Stores> {
  const conn = await openConnection(uri);
  const m = createModels(conn);
  // Indexes first: the unique ones are what make appends idempotent.
  await Promise.all(Object.values(m).map((model) => model.init()));
  return {
    kind: 'mongodb',
    conversations: new MongooseConversationStore(conn, m),
    transcripts: new MongooseTranscriptStore(conn, m),
    state: new MongooseStorage(conn, m),
    shop: new MongooseShopRepository(conn, m),
    orders: new MongooseOrderRepository(conn, m),
    handoffs: new MongooseHandoffQueue(conn, m),
    feedback: new MongooseFeedbackStore(m),
    staff: { directory: notYet(), sessions: notYet(), audit: notYet(), assignments: notYet(), annotations: notYet() },
    search: notYet(),
    close: async () => {
      await conn.close();
    },
  };
}
