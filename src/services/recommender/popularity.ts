/**
 * @module services/recommender/popularity
 * Weighted popularity with time decay: every event counts with its implicit weight, halved for
 * every `halfLifeDays` of age, so last month's best-seller slowly gives way to this week's.
 * Each shopper's contribution to a product is log-damped, so one shopper clicking fifty times
 * cannot make a product popular.
 */
import type { ShopEvent } from '../../core/shop';
import { DEFAULT_EVENT_WEIGHTS, decay, eventTime, eventWeight, type EventWeights } from './event-weights';
import { logDamp } from './user-item-weights';

export interface PopularityOptions {
  /** Age at which an event counts half; `Infinity` turns decay off. @default 30 */
  halfLifeDays?: number;
  /** "Now" in ms since the epoch. @default the time of the latest event (reproducible) */
  now?: number;
  weights?: EventWeights;
}

/**
 * productId → popularity (≥ 0). Products with no positive evidence are absent.
 * @example popularityScores(events, { halfLifeDays: 14 }).get('p1')
 */
export function popularityScores(events: readonly ShopEvent[], options: PopularityOptions = {}): Map<string, number> {
  const halfLifeDays = options.halfLifeDays ?? 30;
  const weights = options.weights ?? DEFAULT_EVENT_WEIGHTS;
  let now = options.now;
  if (now === undefined) {
    now = 0;
    for (const e of events) now = Math.max(now, eventTime(e));
  }
  // product → shopper → decayed weight
  const sums = new Map<string, Map<string, number>>();
  for (const e of events) {
    if (!e.productId) continue;
    const w = eventWeight(e, weights) * decay(now - eventTime(e), halfLifeDays);
    if (w === 0) continue;
    let perUser = sums.get(e.productId);
    if (!perUser) sums.set(e.productId, (perUser = new Map()));
    perUser.set(e.customerId, (perUser.get(e.customerId) ?? 0) + w);
  }
  const scores = new Map<string, number>();
  for (const [productId, perUser] of sums) {
    let total = 0;
    for (const w of perUser.values()) total += logDamp(w);
    if (total > 0) scores.set(productId, total);
  }
  return scores;
}
