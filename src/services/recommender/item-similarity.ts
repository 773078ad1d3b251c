/**
 * @module services/recommender/item-similarity
 * Item-to-item collaborative filtering: each product is a vector over shoppers (their
 * log-damped implicit weights); two products are similar when the same shoppers like both.
 * Cosine similarity, shrunk towards zero when only a few shoppers share the pair, and only the
 * top-K neighbours of each product are kept.
 */
import type { ShopEvent } from '../../core/shop';
import { DEFAULT_EVENT_WEIGHTS, type EventWeights } from './event-weights';
import { userItemWeights, type UserItemWeights } from './user-item-weights';

export interface Neighbour {
  productId: string;
  /** Shrunk cosine, in (0, 1]. */
  similarity: number;
  /** Shoppers who interacted with both products. */
  overlap: number;
  /** Shoppers who purchased both products. */
  coPurchases: number;
}

export interface ItemSimilarityOptions {
  /** Neighbours kept per product. @default 50 */
  neighbours?: number;
  /**
   * Shrinkage: the cosine is multiplied by overlap / (overlap + shrinkage), so a pair seen
   * together by one shopper cannot look as similar as a pair seen by twenty. @default 2
   */
  shrinkage?: number;
}

const DEFAULTS: Required<ItemSimilarityOptions> = { neighbours: 50, shrinkage: 2 };

/** Deterministic order: higher similarity first, then product id. */
function byScoreThenId(a: Neighbour, b: Neighbour): number {
  return b.similarity - a.similarity || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);
}

export class ItemSimilarity {
  private constructor(private readonly table: Map<string, Neighbour[]>) {}

  /** @example ItemSimilarity.fromEvents(events, { neighbours: 30 }).neighbours('p1') */
  static fromEvents(
    events: readonly ShopEvent[],
    options: ItemSimilarityOptions & { weights?: EventWeights } = {},
  ): ItemSimilarity {
    return ItemSimilarity.fromProfiles(userItemWeights(events, options.weights ?? DEFAULT_EVENT_WEIGHTS), options);
  }

  static fromProfiles(profiles: UserItemWeights, options: ItemSimilarityOptions = {}): ItemSimilarity {
    const { neighbours: k, shrinkage } = { ...DEFAULTS, ...options };
    // Dense integer ids, sorted so that the result does not depend on event order.
    const ids = [...new Set([...profiles.values()].flatMap((p) => [...p.keys()]))].sort();
    const index = new Map(ids.map((id, i) => [id, i]));
    const n = ids.length;

    // users[u] = the items of shopper u; itemUsers[i] = the shoppers of item i (non-zero weights only).
    type Entry = { other: number; weight: number; purchased: boolean };
    const users: Entry[][] = [];
    const itemUsers: Entry[][] = Array.from({ length: n }, () => []);
    const norms = new Float64Array(n);
    for (const profile of profiles.values()) {
      const u = users.length;
      const row: Entry[] = [];
      for (const item of profile.values()) {
        if (item.weight === 0) continue;
        const i = index.get(item.productId)!;
        row.push({ other: i, weight: item.weight, purchased: item.purchased });
        itemUsers[i].push({ other: u, weight: item.weight, purchased: item.purchased });
        norms[i] += item.weight * item.weight;
      }
      users.push(row);
    }
    for (let i = 0; i < n; i++) norms[i] = Math.sqrt(norms[i]);

    // One item at a time with dense scratch arrays: memory O(items), work O(Σ |user row|²).
    const dot = new Float64Array(n);
    const overlap = new Int32Array(n);
    const both = new Int32Array(n);
    const table = new Map<string, Neighbour[]>();
    for (let i = 0; i < n; i++) {
      const touched: number[] = [];
      for (const { other: u, weight: wi, purchased: pi } of itemUsers[i]) {
        for (const { other: j, weight: wj, purchased: pj } of users[u]) {
          if (j === i) continue;
          if (overlap[j] === 0) touched.push(j);
          overlap[j]++;
          dot[j] += wi * wj;
          if (pi && pj) both[j]++;
        }
      }
      const list: Neighbour[] = [];
      for (const j of touched) {
        const cosine = norms[i] > 0 && norms[j] > 0 ? dot[j] / (norms[i] * norms[j]) : 0;
        const similarity = cosine * (overlap[j] / (overlap[j] + shrinkage));
        if (similarity > 0) list.push({ productId: ids[j], similarity, overlap: overlap[j], coPurchases: both[j] });
        dot[j] = 0;
        overlap[j] = 0;
        both[j] = 0;
      }
      list.sort(byScoreThenId);
      if (list.length > 0) table.set(ids[i], list.slice(0, k));
    }
    return new ItemSimilarity(table);
  }

  /** The top-K neighbours of a product, most similar first (empty when it has none). */
  neighbours(productId: string): readonly Neighbour[] {
    return this.table.get(productId) ?? [];
  }

  /** Products that have at least one neighbour. */
  get size(): number {
    return this.table.size;
  }
}
