/**
 * @module services/recommender/evaluation
 * Offline evaluation of a recommender by leave-last-out: for every shopper with at least two
 * purchases, their last purchase (by time) and everything they did from then on is held out,
 * the model is trained on the rest, and we check where the held-out product lands in the
 * shopper's top-K. Hit rate, NDCG and MRR at K.
 */
import type { ShopEvent } from '../../core/shop';
import { eventTime } from './event-weights';

export interface HoldOut {
  customerId: string;
  /** The product of the last purchase. */
  target: string;
  /** Products the shopper purchased in the training part (never recommended to them). */
  purchased: Set<string>;
}

export interface Split {
  train: ShopEvent[];
  holdOuts: HoldOut[];
}

/**
 * @example const { train, holdOuts } = leaveLastPurchaseOut(events, 2);
 */
export function leaveLastPurchaseOut(events: readonly ShopEvent[], minPurchases = 2): Split {
  // Stable time order: events at the same instant keep their file order.
  const ordered = events.map((e, i) => ({ e, i, t: eventTime(e) })).sort((a, b) => a.t - b.t || a.i - b.i);
  const byUser = new Map<string, typeof ordered>();
  for (const x of ordered) {
    let list = byUser.get(x.e.customerId);
    if (!list) byUser.set(x.e.customerId, (list = []));
    list.push(x);
  }
  const heldOut = new Set<number>();
  const holdOuts: HoldOut[] = [];
  for (const [customerId, list] of [...byUser].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const purchases = list.filter((x) => x.e.type === 'purchase');
    if (purchases.length < minPurchases) continue;
    const last = purchases[purchases.length - 1];
    const purchased = new Set<string>();
    for (const x of list) {
      if (x.t >= last.t) heldOut.add(x.i);
      else if (x.e.type === 'purchase') purchased.add(x.e.productId);
    }
    holdOuts.push({ customerId, target: last.e.productId, purchased });
  }
  return { train: ordered.filter((x) => !heldOut.has(x.i)).map((x) => x.e), holdOuts };
}

export interface RankingMetrics {
  users: number;
  /** Share of shoppers whose target is in the top K. */
  hitRate: number;
  /** Mean 1 / log2(rank + 1) (one relevant item, so IDCG = 1). */
  ndcg: number;
  /** Mean 1 / rank (0 when outside the top K). */
  mrr: number;
}

/** Accumulates the metrics one ranked list at a time. */
export class RankingAccumulator {
  private users = 0;
  private hits = 0;
  private dcg = 0;
  private rr = 0;

  constructor(readonly k = 10) {}

  add(ranked: readonly string[], target: string): void {
    this.users++;
    const rank = ranked.slice(0, this.k).indexOf(target) + 1;
    if (rank === 0) return;
    this.hits++;
    this.dcg += 1 / Math.log2(rank + 1);
    this.rr += 1 / rank;
  }

  result(): RankingMetrics {
    const n = this.users || 1;
    return { users: this.users, hitRate: this.hits / n, ndcg: this.dcg / n, mrr: this.rr / n };
  }
}
