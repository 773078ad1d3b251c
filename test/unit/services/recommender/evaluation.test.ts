import type { ShopEvent } from '../../../../src/core/shop';
import { leaveLastPurchaseOut, RankingAccumulator } from '../../../../src/services/recommender/evaluation';

const e = (customerId: string, productId: string, type: ShopEvent['type'], day: number): ShopEvent => ({
  customerId,
  productId,
  type,
  at: new Date(Date.UTC(2026, 9, day)).toISOString(),
});

describe('leaveLastPurchaseOut', () => {
  it('should hold out the last purchase and everything after it, for shoppers with two purchases', () => {
    const events = [
      e('a', 'P1', 'purchase', 1),
      e('a', 'P2', 'view', 2),
      e('a', 'P2', 'purchase', 3),
      e('a', 'P3', 'view', 4),
      e('b', 'P1', 'purchase', 1),
      e('b', 'P4', 'view', 5),
    ];
    const { train, holdOuts } = leaveLastPurchaseOut(events);
    expect(holdOuts).toEqual([{ customerId: 'a', target: 'P2', purchased: new Set(['P1']) }]);
    expect(train).toEqual([events[0], events[4], events[1], events[5]]);
  });
});

describe('RankingAccumulator', () => {
  it('should compute hit rate, NDCG and MRR at K', () => {
    const acc = new RankingAccumulator(3);
    acc.add(['x', 'y', 'z'], 'x'); // rank 1
    acc.add(['x', 'y', 'z'], 'z'); // rank 3
    acc.add(['x', 'y', 'z', 'w'], 'w'); // beyond K
    const r = acc.result();
    expect(r.users).toBe(3);
    expect(r.hitRate).toBeCloseTo(2 / 3);
    expect(r.ndcg).toBeCloseTo((1 + 1 / Math.log2(4)) / 3);
    expect(r.mrr).toBeCloseTo((1 + 1 / 3) / 3);
  });
});
