/**
 * @module services/recommender/user-item-weights
 * Folds a shopper's events into one weight per product: the signed sum of event weights,
 * log-damped so that fifty views do not outweigh a purchase by ten times.
 */
import type { ShopEvent } from '../../core/shop';
import { DEFAULT_EVENT_WEIGHTS, eventTime, eventWeight, type EventWeights } from './event-weights';

/** What one shopper did with one product. */
export interface UserItem {
  productId: string;
  /** Sum of event weights (signed). */
  raw: number;
  /** sign(raw) · ln(1 + |raw|). */
  weight: number;
  /** Time of the latest event on this product, ms since the epoch. */
  lastAt: number;
  purchased: boolean;
}

/** customerId → productId → UserItem. */
export type UserItemWeights = Map<string, Map<string, UserItem>>;

/** sign(x) · ln(1 + |x|) */
export function logDamp(x: number): number {
  return Math.sign(x) * Math.log1p(Math.abs(x));
}

/**
 * @example const profiles = userItemWeights(events); profiles.get('c1')?.get('p1')?.weight
 */
export function userItemWeights(
  events: readonly ShopEvent[],
  weights: EventWeights = DEFAULT_EVENT_WEIGHTS,
): UserItemWeights {
  const profiles: UserItemWeights = new Map();
  for (const event of events) {
    if (!event.customerId || !event.productId) continue;
    let profile = profiles.get(event.customerId);
    if (!profile) profiles.set(event.customerId, (profile = new Map()));
    let item = profile.get(event.productId);
    if (!item) {
      item = { productId: event.productId, raw: 0, weight: 0, lastAt: 0, purchased: false };
      profile.set(event.productId, item);
    }
    item.raw += eventWeight(event, weights);
    item.lastAt = Math.max(item.lastAt, eventTime(event));
    if (event.type === 'purchase') item.purchased = true;
  }
  for (const profile of profiles.values()) {
    for (const item of profile.values()) item.weight = logDamp(item.raw);
  }
  return profiles;
}
