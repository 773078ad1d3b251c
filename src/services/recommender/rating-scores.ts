/**
 * @module services/recommender/rating-scores
 * A Bayesian average rating per product, from `rating` events and the catalogue's own `rating`,
 * shrunk towards the shop's mean so that one 5-star review does not make a product "top-rated".
 */
import type { Product, ShopEvent } from '../../core/shop';

export interface RatingOptions {
  /** Pseudo-ratings at the shop's mean added to every product. @default 5 */
  priorWeight?: number;
  /** How many ratings the catalogue's `rating` field counts as. @default 5 */
  catalogueWeight?: number;
}

/**
 * productId → bonus in [0, 1]: 0 at or below the shop's mean rating, 1 for a (shrunk) 5.
 * @example ratingBonus(products, events).get('p1') // 0.42
 */
export function ratingBonus(
  products: readonly Product[],
  events: readonly ShopEvent[],
  options: RatingOptions = {},
): Map<string, number> {
  const prior = options.priorWeight ?? 5;
  const catalogueWeight = options.catalogueWeight ?? 5;
  const sum = new Map<string, number>();
  const count = new Map<string, number>();
  const add = (id: string, value: number, weight: number): void => {
    sum.set(id, (sum.get(id) ?? 0) + value * weight);
    count.set(id, (count.get(id) ?? 0) + weight);
  };
  for (const e of events) {
    if (e.type === 'rating' && typeof e.value === 'number' && e.value >= 0 && e.value <= 5) add(e.productId, e.value, 1);
  }
  for (const p of products) {
    if (typeof p.rating === 'number' && p.rating > 0 && p.rating <= 5) add(p.id, p.rating, catalogueWeight);
  }
  let totalSum = 0;
  let totalCount = 0;
  for (const [id, s] of sum) {
    totalSum += s;
    totalCount += count.get(id)!;
  }
  const mean = totalCount > 0 ? totalSum / totalCount : 0;
  const bonus = new Map<string, number>();
  if (mean >= 5) return bonus;
  for (const [id, s] of sum) {
    const n = count.get(id)!;
    const shrunk = (prior * mean + s) / (prior + n);
    const b = (shrunk - mean) / (5 - mean);
    if (b > 0) bonus.set(id, Math.min(1, b));
  }
  return bonus;
}
