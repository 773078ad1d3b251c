/**
 * @module storage/embedded
 * The embedded store: one SQLite file under the data directory, every port on it.
 */
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from './database';
import { SqliteAnnotationStore } from './sqlite-annotations';
import { SqliteAssignments } from './sqlite-assignments';
import { SqliteAuditLog } from './sqlite-audit-log';
import { SqliteConversationSearch } from './sqlite-conversation-search';
import { SqliteConversationStore } from './sqlite-conversation-store';
import { SqliteFeedbackStore } from './sqlite-feedback-store';
import { SqliteHandoffQueue } from './sqlite-handoff-queue';
import { SqliteOrderRepository } from './sqlite-order-repository';
import { SqliteShopRepository } from './sqlite-shop-repository';
import { SqliteStaffDirectory } from './sqlite-staff-directory';
import { SqliteStaffSessions } from './sqlite-staff-sessions';
import { SqliteStorage } from './sqlite-storage';
import { SqliteTranscriptStore } from './sqlite-transcript-store';
import type { Stores } from '../../core/stores';

/**
 * @example const stores = openEmbeddedStores(dataDir);
 * @example const baseline = openEmbeddedStores(dataDir, { groupCommit: false }); // one transaction per write
 */
export function openEmbeddedStores(dataDir: string, options: DatabaseOptions = {}): Stores {
  const db = openDatabase(path.join(dataDir, 'kefu.db'), options);
  return {
    kind: 'embedded',
    conversations: new SqliteConversationStore(db),
    transcripts: new SqliteTranscriptStore(db),
    state: new SqliteStorage(db),
    shop: new SqliteShopRepository(db),
    orders: new SqliteOrderRepository(db),
    handoffs: new SqliteHandoffQueue(db),
    feedback: new SqliteFeedbackStore(db),
    staff: {
      directory: new SqliteStaffDirectory(db),
      sessions: new SqliteStaffSessions(db),
      audit: new SqliteAuditLog(db),
      assignments: new SqliteAssignments(db),
      annotations: new SqliteAnnotationStore(db),
    },
    search: new SqliteConversationSearch(db),
    // Commits the writes still queued, then closes.
    close: () => db.close(),
  };
}
