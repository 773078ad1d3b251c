import type { Product } from '../../../../src/core/shop';
import { productFilter } from '../../../../src/services/recommender/constraints';
import { ItemToItemRecommender } from '../../../../src/services/recommender/recommender';
import { fixtureEvents } from '../../../fixtures/services/events';
import productsJson from '../../../fixtures/services/products.json';

const products = productsJson as Product[];

describe('ItemToItemRecommender', () => {
  const rec = new ItemToItemRecommender(fixtureEvents(), products);

  it('should recommend the co-purchased item where popularity would not', () => {
    const popular = rec.recommend({ limit: 1 });
    expect(popular[0].productId).toBe('P-APP2');

    const [top] = rec.recommend({ customerId: 'alice', limit: 3 });
    expect(top.productId).toBe('P-CASE14');
    expect(top.reason).toEqual({ kind: 'bought-together', becauseOf: 'P-MI14' });
  });

  it('should not recommend what the shopper already bought', () => {
    const ids = rec.recommend({ customerId: 'alice', limit: 20 }).map((r) => r.productId);
    expect(ids).not.toContain('P-MI14');
    expect(ids.length).toBe(products.length - 1);
  });

  it('should offer a viewed (not bought) item again, then its neighbours as similar', () => {
    const [first, second] = rec.recommend({ customerId: 'bob', limit: 2 });
    expect(first).toMatchObject({ productId: 'P-XM5', reason: { kind: 'similar', becauseOf: 'P-XM5' } });
    expect(second).toMatchObject({ productId: 'P-XM4', reason: { kind: 'similar', becauseOf: 'P-XM5' } });
    const [noRevisit] = new ItemToItemRecommender(fixtureEvents(), products, { revisitWeight: 0 }).recommend({
      customerId: 'bob',
      limit: 1,
    });
    expect(noRevisit.productId).toBe('P-XM4');
  });

  it('should fill up with popular items after the similar ones', () => {
    const list = rec.recommend({ customerId: 'alice', limit: 5 });
    expect(list).toHaveLength(5);
    expect(list.map((r) => r.productId)).toContain('P-APP2');
    const scores = list.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('should give a newcomer popular items, an unknown id too', () => {
    const newcomer = rec.recommend({ limit: 3 });
    expect(rec.recommend({ customerId: 'nobody', limit: 3 })).toEqual(newcomer);
    expect(newcomer[0]).toMatchObject({ productId: 'P-APP2', reason: { kind: 'popular' } });
    expect(rec.knows('alice')).toBe(true);
    expect(rec.knows('nobody')).toBe(false);
  });

  it('should rank a badly rated item last among popular ones', () => {
    const ids = rec.recommend({ limit: products.length }).map((r) => r.productId);
    expect(ids.indexOf('P-CHG')).toBeGreaterThan(ids.indexOf('P-MBA'));
  });

  it('should respect category, price and stock constraints', () => {
    const filter = productFilter({ category: 'headphones', price: { max: 2000 }, inStock: true });
    const list = rec.recommend({ customerId: 'bob', filter, limit: 10 });
    expect(list.length).toBeGreaterThan(0);
    for (const r of list) {
      const p = products.find((x) => x.id === r.productId)!;
      expect(p.category).toBe('headphones');
      expect(p.price).toBeLessThanOrEqual(2000);
      expect(p.stock).toBeGreaterThan(0);
    }
    expect(list.map((r) => r.productId)).not.toContain('P-XM4');
  });

  it('should honour exclude', () => {
    const ids = rec.recommend({ customerId: 'alice', exclude: ['P-CASE14'], limit: 5 }).map((r) => r.productId);
    expect(ids).not.toContain('P-CASE14');
  });

  it('should find similar items and fill from the same category', () => {
    const similar = rec.similarTo('P-MI14', 3);
    expect(similar[0]).toMatchObject({ productId: 'P-CASE14', reason: { kind: 'bought-together', becauseOf: 'P-MI14' } });
    const cold = rec.similarTo('P-IP15', 5);
    expect(cold.length).toBeGreaterThan(0);
    for (const r of cold) expect(products.find((p) => p.id === r.productId)!.category).toBe('phones');
    expect(cold.map((r) => r.productId)).not.toContain('P-IP15');
  });

  it('should be deterministic whatever the event order', () => {
    const shuffled = [...fixtureEvents()].reverse();
    const other = new ItemToItemRecommender(shuffled, [...products].reverse());
    for (const customerId of ['alice', 'bob', undefined]) {
      const a = rec.recommend({ customerId, limit: 8 }).map((r) => r.productId);
      const b = other.recommend({ customerId, limit: 8 }).map((r) => r.productId);
      expect(b).toEqual(a);
    }
  });

  it('should return nothing for a limit of zero and cope with an empty shop', () => {
    expect(rec.recommend({ customerId: 'alice', limit: 0 })).toEqual([]);
    expect(new ItemToItemRecommender([], []).recommend({ customerId: 'x' })).toEqual([]);
    expect(new ItemToItemRecommender([], products).recommend({ limit: 2 })).toHaveLength(2);
  });
});
