/**
 * @module storage/mongoose
 * The MongoDB store through mongoose, chosen when `KEFU_MONGODB_URI` is set: one adapter per port on
 * one connection. Needs a replica set (or a sharded cluster): batches, imports, order changes and
 * handoffs are transactions. A single-node replica set is enough for development.
 */
import { backfillSearchFields } from './activity-search-fields';
import { openConnection } from './connection';
import { createModels } from './models';
import { MongooseAnnotationStore } from './mongoose-annotations';
import { MongooseAssignments } from './mongoose-assignments';
import { MongooseAuditLog } from './mongoose-audit-log';
import { MongooseConversationSearch } from './mongoose-conversation-search';
import { MongooseConversationStore } from './mongoose-conversation-store';
import { MongooseFeedbackStore } from './mongoose-feedback-store';
import { MongooseHandoffQueue } from './mongoose-handoff-queue';
import { MongooseOrderRepository } from './mongoose-order-repository';
import { MongooseShopRepository } from './mongoose-shop-repository';
import { MongooseStaffDirectory } from './mongoose-staff-directory';
import { MongooseStaffSessions } from './mongoose-staff-sessions';
import { MongooseStorage } from './mongoose-storage';
import { MongooseTranscriptStore } from './mongoose-transcript-store';
import { createStaffModels } from './staff-models';
import type { Stores } from '../../core/stores';

/**
 * @example const stores = await openMongooseStores('mongodb://localhost:27017/kefu?replicaSet=rs0');
 */
export async function openMongooseStores(uri: string): Promise<Stores> {
  const conn = await openConnection(uri);
  const m = createModels(conn);
  const staff = createStaffModels(conn);
  // Indexes first: the unique ones are what make appends idempotent (and takes exclusive).
  await Promise.all([...Object.values(m), ...Object.values(staff)].map((model) => model.init()));
  await backfillSearchFields(m);
  return {
    kind: 'mongodb',
    conversations: new MongooseConversationStore(conn, m, staff),
    transcripts: new MongooseTranscriptStore(conn, m),
    state: new MongooseStorage(conn, m),
    shop: new MongooseShopRepository(conn, m),
    orders: new MongooseOrderRepository(conn, m),
    handoffs: new MongooseHandoffQueue(conn, m),
    feedback: new MongooseFeedbackStore(m),
    staff: {
      directory: new MongooseStaffDirectory(staff),
      sessions: new MongooseStaffSessions(staff),
      audit: new MongooseAuditLog(staff),
      assignments: new MongooseAssignments(staff),
      annotations: new MongooseAnnotationStore(staff),
    },
    search: new MongooseConversationSearch(m),
    close: async () => {
      await conn.close();
    },
  };
}
