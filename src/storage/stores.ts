/**
 * @module storage/stores
 * The set of ports one store provides; the composition root picks the adapter.
 */
import type { Storage } from 'botbuilder-core';
import type { ConversationStore, FeedbackStore, HandoffQueue, TranscriptStore } from '../core/conversation';
import type { OrderRepository } from '../core/orders';
import type { ShopRepository } from '../core/shop-repository';
import type { ConversationSearch } from '../core/conversation-search';
import type { AnnotationStore, Assignments, AuditLog, StaffDirectory, StaffSessions } from '../core/staff';

/** What the staff console keeps (issue 5). */
export interface StaffStores {
  directory: StaffDirectory;
  sessions: StaffSessions;
  audit: AuditLog;
  assignments: Assignments;
  annotations: AnnotationStore;
}

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
  /** Staff accounts, sessions, audit log, assignments and annotations (the console). */
  staff: StaffStores;
  /** Search across conversations and the dashboard's numbers (the console). */
  search: ConversationSearch;
  close(): Promise<void>;
}
