/**
 * @module core/staff
 * Support staff: their accounts and console sessions, who holds which conversation, what they
 * did (audit), and their corrections of the bot (annotations). Ports only; adapters live in
 * `src/storage/*`.
 */
import type { Locale } from './shop';

export type StaffRole = 'agent' | 'admin';

export interface StaffAccount {
  id: string;
  /** Login name, unique, case-insensitive (stored lower-case). */
  name: string;
  /** Shown to shoppers next to an agent's messages. */
  displayName: string;
  role: StaffRole;
  /** `scrypt$N$r$p$salt$hash` (base64 parts); never leaves the server. */
  passwordHash: string;
  createdAt: string;
}

export interface StaffDirectory {
  /** Refuses (rejects) a name already taken. */
  add(account: StaffAccount): Promise<StaffAccount>;
  byName(name: string): Promise<StaffAccount | null>;
  byId(id: string): Promise<StaffAccount | null>;
  list(): Promise<StaffAccount[]>;
  setPassword(id: string, passwordHash: string): Promise<void>;
}

export interface StaffSession {
  /** SHA-256 (hex) of the cookie's token: a stolen database does not yield live cookies. */
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

export interface StaffSessions {
  create(session: StaffSession): Promise<void>;
  /** The session unless it expired before `now`. */
  get(tokenHash: string, now: string): Promise<StaffSession | null>;
  delete(tokenHash: string): Promise<void>;
}

export type AuditAction =
  | 'login'
  | 'logout'
  | 'takeover'
  | 'release'
  | 'reply'
  | 'annotate'
  | 'annotation.accept'
  | 'annotation.reject'
  | 'export'
  | 'retrain'
  | 'staff.add';

export interface AuditEntry {
  at: string;
  staffId: string;
  staffName: string;
  action: AuditAction;
  conversationId?: string;
  /** Small, non-personal details: an annotation id, an export's filter, a new account's name. */
  detail?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(options?: { limit?: number; before?: string }): Promise<AuditEntry[]>;
}

/** An agent holding a conversation: the bot stays quiet in it until it is released. */
export interface Assignment {
  conversationId: string;
  staffId: string;
  staffName: string;
  since: string;
}

export interface Assignments {
  /** Atomic: at most one holder per conversation; taking one you already hold succeeds. */
  take(assignment: Assignment): Promise<{ ok: true } | { ok: false; holder: Assignment }>;
  /** Releases only when `staffId` holds it; resolves with whether it did. */
  release(conversationId: string, staffId: string): Promise<boolean>;
  get(conversationId: string): Promise<Assignment | null>;
  list(): Promise<Assignment[]>;
}

export type AnnotationStatus = 'pending' | 'accepted' | 'rejected';

/** A staff member's correction of the intent the bot recognised for one shopper turn. */
export interface Annotation {
  id: string;
  /** `''` once retention deleted the conversation: an accepted correction stays as training data, unlinked. */
  conversationId: string;
  activityId: string;
  /** The shopper's words as stored (redacted): what becomes a training utterance. */
  text: string;
  locale: Locale;
  predictedIntent: string;
  predictedScore: number;
  /** The right intent, or `oos`. */
  correctIntent: string;
  status: AnnotationStatus;
  createdBy: string;
  createdAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
}

export interface AnnotationListOptions {
  status?: AnnotationStatus;
  /** Only the annotations of this conversation. */
  conversationId?: string;
  /** 100 by default, at most 1,000. */
  limit?: number;
  /**
   * The last annotation of the previous page: the list goes on after it. Pages are newest first
   * (`createdAt`, then `id`), so reading on until a page is short reads every annotation.
   */
  after?: Pick<Annotation, 'createdAt' | 'id'>;
}

export interface AnnotationStore {
  /** One annotation per shopper turn: annotating it again replaces a pending one. */
  add(annotation: Annotation): Promise<Annotation>;
  list(options?: AnnotationListOptions): Promise<Annotation[]>;
  /** Sets the status of a pending annotation; null when there is none with that id. */
  review(id: string, status: 'accepted' | 'rejected', by: string, at: string): Promise<Annotation | null>;
}
