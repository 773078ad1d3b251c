/**
 * @module core/stores
 * The set of store ports one store provides (embedded SQLite, MongoDB): the composition root
 * picks the adapter (`storage/open-stores`), everything else sees only these ports.
 */
import type { Storage } from 'botbuilder-core';
import type { ConversationStore, FeedbackStore, HandoffQueue, TranscriptStore } from './conversation';
import type { ConversationSearch } from './conversation-search';
import type { OrderRepository } from './orders';
import type { ShopRepository } from './shop-repository';
import type { AnnotationStore, Assignments, AuditLog, StaffDirectory, StaffSessions } from './staff';
import type { TurnCommitter, TurnLoader } from './turn-store';

/** What the staff console keeps (issue 5). */
export interface StaffStores {
  directory: StaffDirectory;
  sessions: StaffSessions;
  audit: AuditLog;
  assignments: Assignments;
  annotations: AnnotationStore;
}

export interface Stores {
  /** Which adapter: `embedded`, `mongodb`. */
  kind: string;
  /** Conversations, and a turn's one read (the conversation with its dialog state). */
  conversations: ConversationStore & TurnLoader;
  /**
   * Every transcript port (`TranscriptAppender`, `TranscriptReader`, `TranscriptScanner`,
   * `UnansweredFinder`, `RawCopyRetention`) on one adapter, and a turn's one write (its replies,
   * dialog state and language together).
   */
  transcripts: TranscriptStore & TurnCommitter;
  /** Dialog and conversation state (botbuilder `Storage`). */
  state: Storage;
  shop: ShopRepository;
  orders: OrderRepository;
  handoffs: HandoffQueue;
  feedback: FeedbackStore;
  /** Staff accounts, sessions, audit log, assignments and annotations (the console). */
  staff: StaffStores;
  /** Search across conversations and the dashboard's numbers (the console). */
  search: ConversationSearch;
  close(): Promise<void>;
}
