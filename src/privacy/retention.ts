/**
 * @module privacy/retention
 * Deletes conversations with no activity for N days and forgets raw copies whose time is up.
 */
import type { Stores } from '../core/stores';
import { DAY_MS } from './privacy-settings';

export interface RetentionResult {
  /** Conversations deleted. */
  conversationsDeleted: number;
  /** Raw copies forgotten. */
  rawPurged: number;
  cutoff: string | null;
}

/**
 * @example await applyRetention(stores, 90); // conversations idle for 90 days are gone
 */
export async function applyRetention(stores: Stores, days: number, now: Date = new Date()): Promise<RetentionResult> {
  const rawPurged = await stores.transcripts.purgeRaw(now.toISOString());
  if (!(days > 0)) return { conversationsDeleted: 0, rawPurged, cutoff: null };
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const deleted = await stores.conversations.deleteInactiveSince(cutoff);
  return { conversationsDeleted: deleted, rawPurged, cutoff };
}
