/**
 * @module core/conversation-search
 * Reading across conversations for staff: filtered transcript search and the dashboard's
 * numbers. Ports only; each store answers them with its own query language.
 */
import type { Conversation } from './conversation';
import type { Locale } from './shop';

export interface TranscriptFilter {
  /** Case-insensitive substring of any stored (redacted) message text in the conversation. */
  text?: string;
  /** ISO times: conversations with an activity at or after `from` and before `to`. */
  from?: string;
  to?: string;
  locale?: Locale;
  /** Some turn of the conversation was handled as this intent (`channelData.intent.name` of a reply). */
  intent?: string;
  /** true: a human was involved (handed off, or an agent wrote); false: the bot handled it alone. */
  handoff?: boolean;
  /** Some reply in the conversation got this rating. */
  rating?: 'up' | 'down';
  customerId?: string;
  channel?: string;
}

export interface ConversationSummary {
  conversation: Conversation;
  lastActivityAt: string;
  /** Messages from the shopper. */
  userMessages: number;
  /** The last message's text (redacted), for the list. */
  lastText?: string;
  /** Distinct intents its turns were handled as, most frequent first. */
  intents: string[];
  /** A human was involved (see `TranscriptFilter.handoff`). */
  humanInvolved: boolean;
}

export interface DashboardDay {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  /** Conversations with a shopper message that day. */
  conversations: number;
  /** Of those, handled without a human. */
  handledByBot: number;
  /** Of those, handed off to a human (or written to by an agent). */
  handedOff: number;
  /** Shopper turns answered by the bot, and those answered as `oos`. */
  turns: number;
  oosTurns: number;
  /**
   * Of `turns`, those whose shopper message read negative, and those the bot took as angry
   * (`channelData.sentiment.label` / `.angry` of the turn's first reply; turns from before
   * sentiment was recorded count as neither).
   */
  negativeTurns: number;
  angryTurns: number;
}

export interface DashboardStats {
  from: string;
  to: string;
  days: DashboardDay[];
  /** Sums over `days`. */
  totals: Omit<DashboardDay, 'date'>;
  /** Bot turns per intent, most first (at most 10). */
  topIntents: { intent: string; turns: number }[];
  /** Feedback on bot replies, by the intent of the rated reply. */
  feedbackByIntent: { intent: string; up: number; down: number }[];
}

export interface ConversationSearch {
  /** Newest activity first; `cursor` is the `next` of the previous page; `limit` at most 100 (default 20). */
  search(filter: TranscriptFilter, page?: { cursor?: string; limit?: number }): Promise<{ items: ConversationSummary[]; next?: string }>;
  /** Counts over activities at or after `from` and before `to` (ISO times). */
  dashboard(range: { from: string; to: string }): Promise<DashboardStats>;
}
