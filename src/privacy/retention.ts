/**
 * @module privacy/retention
 * Deletes conversations with no activity for N days and forgets raw copies whose time is up.
 */
import type { Stores } from '../storage/stores';
import { DAY_MS } from './privacy-settings';

export interface RetentionResult {
  /** Conversations deleted (null: the store cannot delete by age). */
  conversationsDeleted: number | null;
  /** Raw copies forgotten (null: the store keeps none). */
  rawPurged: number | null;
  cutoff: string | null;
}

/**
 * @example await applyRetention(stores, 90); // conversations idle for 90 days are gone
 */
export async function applyRetention(stores: Stores, days: number, now: Date = new Date()): Promise<RetentionResult> {
  const rawPurged = stores.transcripts.purgeRaw ? await stores.transcripts.purgeRaw(now.toISOString()) : null;
  if (!(days > 0)) return { conversationsDeleted: 0, rawPurged, cutoff: null };
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const deleted = stores.conversations.deleteInactiveSince ? await stores.conversations.deleteInactiveSince(cutoff) : null;
  return { conversationsDeleted: deleted, rawPurged, cutoff };
}
