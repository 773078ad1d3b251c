/**
 * @module staff/live-view
 * The console's live page: the handoff queue (as the store lists it: conversations handed off by
 * an angry shopper first, then oldest first; with reason, priority and waiting time) and the
 * other conversations active in the last 30 minutes (newest first), each with its holder.
 */
import type { Conversation, HandoffEntry } from '../core/conversation';
import type { ConversationSummary } from '../core/conversation-search';
import type { Assignment } from '../core/staff';
import { endAtBreak, QUOTE_LIMIT } from '../privacy/cut-quote';
import { redact } from '../privacy/redact';
import type { StaffDeps } from './staff-deps';

export interface QueueItem {
  conversation: Conversation;
  reason: string;
  queuedAt: string;
  /** `HANDOFF_PRIORITY`: `angry` when the shopper was angry at the handoff. */
  priority: number;
  waitingSeconds: number;
  assignment: Assignment | null;
  lastText?: string;
}

export type LiveItem = ConversationSummary & { assignment: Assignment | null };

export const ACTIVE_WINDOW_MS = 30 * 60 * 1000;
const MAX_ACTIVE = 50;
/** How far back the queue looks for the shopper's last words. */
const LAST_TEXT_LOOKBACK = 20;

/**
 * A handoff reason as staff see it. The handler stores it redacted and cut (`privacy/cut-quote`);
 * a reason stored before it did holds the shopper's raw words cut hard at the limit, perhaps
 * through a phone number or an e-mail the redaction no longer recognises once cut: that quote
 * ends at its last space or punctuation mark, with "…", and is redacted.
 */
export function staffReason(reason: string): string {
  const at = reason.indexOf(': ');
  const quote = at < 0 ? '' : reason.slice(at + 2);
  if (at < 0 || quote.length < QUOTE_LIMIT || quote.endsWith('…')) return redact(reason);
  return `${redact(reason.slice(0, at + 2) + endAtBreak(quote)).trimEnd()}…`;
}

/** The queue entry of one conversation as staff see it (the reason as `staffReason`). */
export function handoffOf(queue: readonly HandoffEntry[], conversationId: string): HandoffEntry | null {
  const entry = queue.find((e) => e.conversationId === conversationId);
  return entry ? { ...entry, reason: staffReason(entry.reason) } : null;
}

async function lastShopperText(deps: StaffDeps, conversationId: string): Promise<string | undefined> {
  const recent = await deps.ctx.stores.transcripts.list(conversationId, { limit: LAST_TEXT_LOOKBACK, view: 'staff' });
  return recent.filter((a) => a.from.role === 'user' && a.text).at(-1)?.text;
}

async function queueItem(deps: StaffDeps, entry: HandoffEntry, holders: Map<string, Assignment>, now: number): Promise<QueueItem | null> {
  const conversation = await deps.ctx.stores.conversations.get(entry.conversationId);
  if (!conversation) return null;
  const lastText = await lastShopperText(deps, entry.conversationId);
  return {
    conversation,
    reason: staffReason(entry.reason),
    queuedAt: entry.queuedAt,
    priority: entry.priority,
    waitingSeconds: Math.max(0, Math.round((now - Date.parse(entry.queuedAt)) / 1000)),
    assignment: holders.get(entry.conversationId) ?? null,
    ...(lastText !== undefined ? { lastText } : {}),
  };
}

export async function liveView(deps: StaffDeps): Promise<{ queue: QueueItem[]; active: LiveItem[] }> {
  const now = Date.now();
  const [entries, assignments] = await Promise.all([deps.ctx.stores.handoffs.list(), deps.staff.assignments.list()]);
  const holders = new Map(assignments.map((a) => [a.conversationId, a]));
  const queue = (await Promise.all(entries.map((e) => queueItem(deps, e, holders, now)))).filter((q): q is QueueItem => q !== null);
  const queued = new Set(queue.map((q) => q.conversation.id));
  const recent = await deps.ctx.stores.search.search({ from: new Date(now - ACTIVE_WINDOW_MS).toISOString() }, { limit: MAX_ACTIVE });
  const active = recent.items
    .filter((s) => !queued.has(s.conversation.id))
    .map((s) => ({ ...s, assignment: holders.get(s.conversation.id) ?? null }));
  return { queue, active };
}
