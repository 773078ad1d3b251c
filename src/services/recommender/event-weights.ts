/**
 * @module services/recommender/event-weights
 * How much one shopper action says about liking a product (implicit feedback).
 * A purchase says more than putting in the cart, which says more than a view; a rating says
 * what its value says: above the neutral score it is positive, at it zero, below it negative.
 */
import type { ShopEvent } from '../../core/shop';

export interface EventWeights {
  /** @default 1 */
  view: number;
  /** @default 3 */
  cart: number;
  /** @default 5 */
  purchase: number;
  /** A rating at this value carries no preference. @default 3 */
  ratingNeutral: number;
  /** Weight per rating point away from `ratingNeutral` (5 → +4, 1 → −4 with the defaults). @default 2 */
  ratingStep: number;
}

export const DEFAULT_EVENT_WEIGHTS: Readonly<EventWeights> = Object.freeze({
  view: 1,
  cart: 3,
  purchase: 5,
  ratingNeutral: 3,
  ratingStep: 2,
});

/**
 * The signed weight of one event.
 * @example eventWeight({ type: 'rating', value: 1, ... }) // -4
 */
export function eventWeight(event: ShopEvent, weights: EventWeights = DEFAULT_EVENT_WEIGHTS): number {
  switch (event.type) {
    case 'view':
      return weights.view;
    case 'cart':
      return weights.cart;
    case 'purchase':
      return weights.purchase;
    case 'rating':
      // A rating without a usable value tells nothing.
      if (typeof event.value !== 'number' || !Number.isFinite(event.value)) return 0;
      return (event.value - weights.ratingNeutral) * weights.ratingStep;
    default:
      return 0;
  }
}

/** Milliseconds since the epoch of an event's `at`; unreadable times count as the epoch. */
export function eventTime(event: ShopEvent): number {
  const t = Date.parse(event.at);
  return Number.isFinite(t) ? t : 0;
}

export const DAY_MS = 86_400_000;

/** 0.5 ^ (age / half-life); an infinite (or non-positive) half-life means no decay. */
export function decay(ageMs: number, halfLifeDays: number): number {
  if (!Number.isFinite(halfLifeDays) || halfLifeDays <= 0) return 1;
  return Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}
