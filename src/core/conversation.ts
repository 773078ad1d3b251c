/**
 * @module core/conversation
 * Conversations and their activities, and the ports that keep them. Activities are the
 * protocol's JSON shape (a subset of Bot Framework Activities), independent of any SDK.
 */
import type { Locale } from './shop';

export type Role = 'user' | 'bot' | 'agent';

export interface ChatAttachment {
  contentType: string;
  content: Record<string, unknown>;
}

export interface SuggestedAction {
  type: 'postBack' | 'imBack' | 'openUrl';
  title: string;
  value: string;
}

/** One activity in or out, as stored and as sent on the wire. */
export interface ChatActivity {
  type: 'message' | 'typing' | 'event';
  id: string;
  timestamp: string;
  conversationId: string;
  from: { id: string; role: Role; name?: string };
  replyToId?: string;
  locale?: Locale;
  text?: string;
  /** For `event` activities (`turn.end`). */
  name?: string;
  /** Postbacks: the tapped action's value and optional data. */
  value?: unknown;
  attachments?: ChatAttachment[];
  suggestedActions?: { actions: SuggestedAction[] };
  channelData?: Record<string, unknown>;
}

export interface Conversation {
  id: string;
  /** Where it came from: `socketio`, `webhook`, … */
  channel: string;
  /** The signed-in customer who owns it; null for an anonymous shopper. */
  customerId: string | null;
  locale: Locale | null;
  handoff: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationPatch {
  locale?: Locale;
  handoff?: boolean;
}

/** Conversations (not their activities). */
export interface ConversationStore {
  create(conversation: Pick<Conversation, 'id' | 'channel' | 'customerId' | 'locale'>): Promise<Conversation>;
  get(id: string): Promise<Conversation | null>;
  update(id: string, patch: ConversationPatch): Promise<Conversation | null>;
  /**
   * Retention: deletes every conversation with no activity since `cutoff` (ISO time), with its
   * activities, dialog state, handoff entry and feedback; resolves with how many.
   */
  deleteInactiveSince(cutoff: string): Promise<number>;
}

/** Which copy of a transcript a reader gets. */
export type TranscriptView =
  /** The redacted copy (staff, exports): the default. */
  | 'staff'
  /** The conversation's owner: their own raw words while a raw copy is kept, else the redacted copy. */
  | 'owner';

export interface AppendOptions {
  /** The unredacted activity, kept beside the stored (redacted) one until `rawUntil`. */
  raw?: ChatActivity;
  /** ISO time after which the raw copy is no longer returned and may be purged. */
  rawUntil?: string;
}

export interface AppendResult {
  activity: ChatActivity;
  /** False when an activity with the same id was already stored (idempotent retry). */
  inserted: boolean;
}

/**
 * Appending a turn: every activity in and out, in order, idempotent on its id (a retried message
 * or a retried batch of replies is stored once).
 */
export interface TranscriptAppender {
  /** Stores the activity unless one with the same id exists in that conversation. */
  append(activity: ChatActivity, options?: AppendOptions): Promise<AppendResult>;
  /** Appends several activities all or nothing (a turn's replies); `raw[i]` is the raw copy of `activities[i]`. */
  appendAll(activities: ChatActivity[], options?: { raw?: (ChatActivity | undefined)[]; rawUntil?: string }): Promise<AppendResult[]>;
}

/** Reading a conversation's history back. */
export interface TranscriptReader {
  get(conversationId: string, activityId: string): Promise<ChatActivity | null>;
  /** Oldest first; `before` is an activity id; at most `limit` (capped at 100); `view` defaults to `staff`. */
  list(conversationId: string, options?: { before?: string; limit?: number; view?: TranscriptView }): Promise<ChatActivity[]>;
  /** Replies already sent for an inbound activity (used to answer a retried message). */
  repliesTo(conversationId: string, activityId: string): Promise<ChatActivity[]>;
}

/** Exports: every conversation's activities, a page at a time. */
export interface TranscriptScanner {
  /**
   * Activities of every conversation stored at or after `since` (ISO time), staff copy, in
   * storage order, a page at a time; pass the returned `next` to continue.
   */
  scan(since: string, options?: { cursor?: string; limit?: number }): Promise<{ activities: ChatActivity[]; next?: string }>;
}

/** Replay after a crash: the messages whose turn never completed. */
export interface UnansweredFinder {
  /**
   * Shopper messages and postbacks stored at or after `since` (ISO time) whose turn never
   * completed — no stored reply, nothing stored after them by the bot or an agent — in
   * conversations that exist and are not held by staff (`handoff`). Oldest first, at most
   * `limit`; each in the owner view (the raw copy while one is kept).
   */
  unanswered(since: string, limit: number): Promise<UnansweredActivity[]>;
}

/** Retention of the raw copies kept beside redacted activities (`AppendOptions.raw`). */
export interface RawCopyRetention {
  /** Forgets raw copies whose time has passed; resolves with how many. */
  purgeRaw(now: string): Promise<number>;
}

/**
 * Every transcript port, as one adapter provides them on one table or collection. Code that
 * needs only some takes those ports (`TranscriptAppender`, `TranscriptReader`…), not this.
 */
export interface TranscriptStore extends TranscriptAppender, TranscriptReader, TranscriptScanner, UnansweredFinder, RawCopyRetention {}

/** A shopper's message found by `UnansweredFinder.unanswered`. */
export interface UnansweredActivity {
  activity: ChatActivity;
  /**
   * Set by the privacy layer: only a redacted copy is left (`[电话]`, `[****]`…), so the shopper's
   * own words cannot be run again.
   */
  redacted?: boolean;
}

/**
 * How soon staff should take a queued conversation: higher first. `angry`: the shopper was angry
 * when it was handed off (issue 11), so it goes before calm ones, however long they waited.
 */
export const HANDOFF_PRIORITY = { normal: 0, angry: 1 } as const;

export interface HandoffEntry {
  conversationId: string;
  reason: string;
  queuedAt: string;
  /** `HANDOFF_PRIORITY`: 0 for entries queued without one. */
  priority: number;
}

/** Conversations waiting for a human. */
export interface HandoffQueue {
  /** Queues the conversation once (a second enqueue keeps the first entry); `priority` defaults to normal. */
  enqueue(conversationId: string, reason: string, options?: { priority?: number }): Promise<void>;
  release(conversationId: string): Promise<void>;
  /** Highest priority first, then oldest first. */
  list(): Promise<HandoffEntry[]>;
}

export interface Feedback {
  conversationId: string;
  activityId: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface FeedbackStore {
  record(feedback: Feedback): Promise<void>;
}
