/**
 * @module services/recommender/recommender
 * Item-to-item recommender: a known shopper gets products similar to what they viewed, carted,
 * bought and rated (recent actions weigh more, purchased products are not offered again), topped
 * up with popular products; a newcomer gets popular products blended with their rating.
 * Everything is computed once in the constructor; `recommend` only reads.
 */
import type { Product, ShopEvent } from '../../core/shop';
import { createLogger } from '../../log';
import { DEFAULT_EVENT_WEIGHTS, decay, type EventWeights } from './event-weights';
import { ItemSimilarity, type Neighbour } from './item-similarity';
import { popularityScores } from './popularity';
import { ratingBonus } from './rating-scores';
import type { Recommendation, RecommendationReason, RecommendRequest } from './types';
import { userItemWeights, type UserItem, type UserItemWeights } from './user-item-weights';

const log = createLogger('kefu:services:recommender');

export interface RecommenderOptions {
  /** Implicit feedback weights. @default purchase 5, cart 3, view 1, rating (value − 3) · 2 */
  weights?: EventWeights;
  /** Neighbours kept per product. @default 50 */
  neighbours?: number;
  /** Similarity shrinkage (see `ItemSimilarityOptions`). @default 2 */
  shrinkage?: number;
  /** Half-life of popularity. @default 30 */
  popularityHalfLifeDays?: number;
  /** Half-life of a shopper's own history, counted back from their latest action. @default 30 */
  historyHalfLifeDays?: number;
  /** Share of the rating bonus in the newcomer score (the rest is popularity). @default 0.3 */
  ratingBlend?: number;
  /** Weight of the newcomer score added to the normalised similarity score. @default 0.1 */
  popularityBlend?: number;
  /**
   * How strongly a product the shopper viewed or carted but did not buy is offered again, as
   * its own similarity (1 counts it like a perfect neighbour). @default 1
   */
  revisitWeight?: number;
  /** "Now" for popularity decay. @default the latest event */
  now?: number | string;
}

const DEFAULTS = {
  neighbours: 50,
  shrinkage: 2,
  popularityHalfLifeDays: 30,
  historyHalfLifeDays: 30,
  ratingBlend: 0.3,
  popularityBlend: 0.1,
  revisitWeight: 1,
};

interface Candidate {
  productId: string;
  score: number;
  reason: RecommendationReason;
}

const byScoreThenId = (a: Candidate, b: Candidate): number =>
  b.score - a.score || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

/**
 * @example
 * const rec = new ItemToItemRecommender(shop.events, shop.products);
 * rec.recommend({ customerId: 'C001', filter: productFilter({ category: 'phones', inStock: true }), limit: 3 });
 */
export class ItemToItemRecommender {
  private readonly options: typeof DEFAULTS;
  private readonly products: Map<string, Product>;
  private readonly profiles: UserItemWeights;
  private readonly similarity: ItemSimilarity;
  /** Newcomer score per product in [0, 1] and its reason, in ranking order. */
  private readonly ranked: Candidate[];
  private readonly base: Map<string, Candidate>;

  constructor(events: readonly ShopEvent[], products: readonly Product[], options: RecommenderOptions = {}) {
    this.options = { ...DEFAULTS, ...definedOnly(options) };
    const weights = options.weights ?? DEFAULT_EVENT_WEIGHTS;
    this.products = new Map(products.map((p) => [p.id, p]));
    this.profiles = userItemWeights(events, weights);
    this.similarity = ItemSimilarity.fromProfiles(this.profiles, {
      neighbours: this.options.neighbours,
      shrinkage: this.options.shrinkage,
    });
    const now = typeof options.now === 'string' ? Date.parse(options.now) : options.now;
    const popularity = popularityScores(events, { halfLifeDays: this.options.popularityHalfLifeDays, now, weights });
    const bonus = ratingBonus(products, events);
    this.ranked = this.rankNewcomerScores(popularity, bonus);
    this.base = new Map(this.ranked.map((c) => [c.productId, c]));
    log.debug('built: %s products, %s shoppers, %s with neighbours', this.products.size, this.profiles.size, this.similarity.size);
  }

  /** True when the shopper has any history to recommend from. */
  knows(customerId: string): boolean {
    return [...(this.profiles.get(customerId)?.values() ?? [])].some((item) => item.weight !== 0);
  }

  /**
   * Recommendations for a shopper (or a newcomer when `customerId` is absent or unknown).
   * @example rec.recommend({ customerId: 'C001', limit: 5 })
   */
  recommend(request: RecommendRequest = {}): Recommendation[] {
    const limit = request.limit ?? 10;
    if (limit <= 0) return [];
    const profile = request.customerId ? this.profiles.get(request.customerId) : undefined;
    const excluded = new Set(request.exclude ?? []);
    for (const item of profile?.values() ?? []) if (item.purchased) excluded.add(item.productId);
    const eligible = (id: string): boolean => {
      if (excluded.has(id)) return false;
      const product = this.products.get(id);
      return product !== undefined && (request.filter === undefined || request.filter(product));
    };
    const fromHistory = profile ? this.scoreFromHistory([...profile.values()], eligible) : [];
    return this.blendAndFill(fromHistory, eligible, limit);
  }

  /**
   * Products similar to one product (shoppers who liked it liked these), topped up with popular
   * products of the same category.
   * @example rec.similarTo('P100', 4)
   */
  similarTo(productId: string, limit = 10, filter?: (product: Product) => boolean): Recommendation[] {
    if (limit <= 0) return [];
    const seed = this.products.get(productId);
    const eligible = (id: string): boolean => {
      if (id === productId) return false;
      const product = this.products.get(id);
      if (product === undefined || (filter !== undefined && !filter(product))) return false;
      return true;
    };
    const neighbours: Candidate[] = this.similarity
      .neighbours(productId)
      .filter((n) => eligible(n.productId))
      .map((n) => ({ productId: n.productId, score: n.similarity, reason: neighbourReason(n, productId, true) }));
    const sameCategory = (id: string): boolean =>
      eligible(id) && (seed === undefined || this.products.get(id)!.category === seed.category);
    return this.blendAndFill(neighbours, sameCategory, limit);
  }

  /** Σ over the history of (log-damped weight · recency · similarity), with the top contributor as reason. */
  private scoreFromHistory(history: UserItem[], eligible: (id: string) => boolean): Candidate[] {
    const latest = Math.max(...history.map((h) => h.lastAt));
    // `best` is the largest neighbour contribution so far (−∞ while the reason is the item itself).
    const scores = new Map<string, { score: number; best: number; reason: RecommendationReason }>();
    const entry = (productId: string, reason: RecommendationReason) => {
      let e = scores.get(productId);
      if (!e) scores.set(productId, (e = { score: 0, best: -Infinity, reason }));
      return e;
    };
    for (const h of history) {
      const factor = h.weight * decay(latest - h.lastAt, this.options.historyHalfLifeDays);
      if (factor === 0) continue;
      for (const n of this.similarity.neighbours(h.productId)) {
        if (!eligible(n.productId)) continue;
        const contribution = factor * n.similarity;
        const reason = neighbourReason(n, h.productId, h.purchased);
        const e = entry(n.productId, reason);
        e.score += contribution;
        if (contribution > e.best || (contribution === e.best && (e.reason.becauseOf ?? '') > h.productId)) {
          e.best = contribution;
          e.reason = reason;
        }
      }
      // Looked at (or carted) but not bought: still a candidate. A neighbour's reason is kept when
      // there is one; otherwise `becauseOf` is the product itself ("you looked at it").
      if (factor > 0 && !h.purchased && this.options.revisitWeight > 0 && eligible(h.productId)) {
        entry(h.productId, { kind: 'similar', becauseOf: h.productId }).score += factor * this.options.revisitWeight;
      }
    }
    const out: Candidate[] = [];
    for (const [productId, { score, reason }] of scores) if (score > 0) out.push({ productId, score, reason });
    return out;
  }

  /**
   * Similarity scores are normalised to (0, 1] and get `popularityBlend` × the newcomer score
   * added; the rest of the list is filled from the newcomer ranking.
   */
  private blendAndFill(scored: Candidate[], eligible: (id: string) => boolean, limit: number): Recommendation[] {
    const beta = this.options.popularityBlend;
    const max = Math.max(0, ...scored.map((c) => c.score));
    const out = new Map<string, Candidate>();
    for (const c of scored) {
      out.set(c.productId, { ...c, score: c.score / max + beta * (this.base.get(c.productId)?.score ?? 0) });
    }
    // Fill items can only rank by their newcomer score, so the first `limit` eligible ones suffice.
    let added = 0;
    for (const c of this.ranked) {
      if (added >= limit) break;
      if (out.has(c.productId) || !eligible(c.productId)) continue;
      out.set(c.productId, { ...c, score: beta * c.score });
      added++;
    }
    return [...out.values()].sort(byScoreThenId).slice(0, limit).map(({ productId, score, reason }) => ({
      productId,
      score,
      reason,
    }));
  }

  /** (1 − ratingBlend) · popularity / max + ratingBlend · rating bonus, for every catalogue product. */
  private rankNewcomerScores(popularity: Map<string, number>, bonus: Map<string, number>): Candidate[] {
    const alpha = this.options.ratingBlend;
    const maxPop = Math.max(0, ...popularity.values());
    const ranked: Candidate[] = [];
    for (const id of this.products.keys()) {
      const pop = maxPop > 0 ? ((1 - alpha) * (popularity.get(id) ?? 0)) / maxPop : 0;
      const rated = alpha * (bonus.get(id) ?? 0);
      ranked.push({ productId: id, score: pop + rated, reason: { kind: rated > pop ? 'top-rated' : 'popular' } });
    }
    return ranked.sort(byScoreThenId);
  }
}

/** "Bought together" when the shopper bought the history item and others bought both. */
function neighbourReason(n: Neighbour, becauseOf: string, purchased: boolean): RecommendationReason {
  return { kind: purchased && n.coPurchases > 0 ? 'bought-together' : 'similar', becauseOf };
}

/** Drops `undefined` values so they do not override defaults. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
