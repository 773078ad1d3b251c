import type { ShopEvent } from '../../../../src/core/shop';
import { ItemSimilarity } from '../../../../src/services/recommender/item-similarity';

const at = '2026-10-01T00:00:00Z';
const e = (customerId: string, productId: string, type: ShopEvent['type'], value?: number): ShopEvent => ({
  customerId,
  productId,
  type,
  at,
  ...(value === undefined ? {} : { value }),
});

describe('ItemSimilarity', () => {
  it('should make items liked by the same shoppers neighbours, most shared first', () => {
    const events = [
      ...['u1', 'u2', 'u3'].flatMap((u) => [e(u, 'A', 'purchase'), e(u, 'B', 'purchase')]),
      e('u4', 'A', 'view'),
      e('u4', 'C', 'view'),
    ];
    const sim = ItemSimilarity.fromEvents(events);
    const [first, second] = sim.neighbours('A');
    expect(first).toMatchObject({ productId: 'B', overlap: 3, coPurchases: 3 });
    expect(second).toMatchObject({ productId: 'C', overlap: 1, coPurchases: 0 });
    expect(first.similarity).toBeGreaterThan(second.similarity);
    expect(first.similarity).toBeLessThanOrEqual(1);
    expect(sim.neighbours('unknown')).toEqual([]);
  });

  it('should shrink pairs seen by few shoppers', () => {
    const events = [e('u1', 'A', 'view'), e('u1', 'B', 'view')];
    const raw = ItemSimilarity.fromEvents(events, { shrinkage: 0 }).neighbours('A')[0].similarity;
    const shrunk = ItemSimilarity.fromEvents(events, { shrinkage: 2 }).neighbours('A')[0].similarity;
    expect(raw).toBeCloseTo(1);
    expect(shrunk).toBeCloseTo(1 / 3);
  });

  it('should not pair an item with one the shopper rated badly', () => {
    const events = [e('u1', 'A', 'purchase'), e('u1', 'B', 'rating', 1), e('u2', 'A', 'purchase'), e('u2', 'B', 'rating', 2)];
    expect(ItemSimilarity.fromEvents(events).neighbours('A')).toEqual([]);
  });

  it('should keep only the top K neighbours, ties by id', () => {
    const events = ['D', 'C', 'B', 'A', 'E'].map((p) => e('u1', p, 'view'));
    const sim = ItemSimilarity.fromEvents(events, { neighbours: 2 });
    expect(sim.neighbours('E').map((n) => n.productId)).toEqual(['A', 'B']);
    expect(sim.size).toBe(5);
  });
});
