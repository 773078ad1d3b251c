import type { ShopEvent } from '../../../../src/core/shop';
import { popularityScores } from '../../../../src/services/recommender/popularity';
import { eventWeight } from '../../../../src/services/recommender/event-weights';

const e = (customerId: string, productId: string, type: ShopEvent['type'], at: string, value?: number): ShopEvent => ({
  customerId,
  productId,
  type,
  at,
  ...(value === undefined ? {} : { value }),
});

describe('popularityScores', () => {
  it('should weigh purchases over carts over views', () => {
    const at = '2026-10-01T00:00:00Z';
    const scores = popularityScores([e('u1', 'P', 'purchase', at), e('u2', 'C', 'cart', at), e('u3', 'V', 'view', at)]);
    expect(scores.get('P')!).toBeGreaterThan(scores.get('C')!);
    expect(scores.get('C')!).toBeGreaterThan(scores.get('V')!);
  });

  it('should halve an event per half-life, counting from the latest event', () => {
    const scores = popularityScores(
      [e('u1', 'OLD', 'purchase', '2026-09-01T00:00:00Z'), e('u2', 'NEW', 'purchase', '2026-10-01T00:00:00Z')],
      { halfLifeDays: 30 },
    );
    // ln(1 + 5 · 0.5) vs ln(1 + 5)
    expect(scores.get('OLD')!).toBeCloseTo(Math.log1p(2.5), 5);
    expect(scores.get('NEW')!).toBeCloseTo(Math.log1p(5), 5);
    const flat = popularityScores([e('u1', 'OLD', 'purchase', '2026-01-01T00:00:00Z'), e('u2', 'NEW', 'purchase', '2026-10-01T00:00:00Z')], {
      halfLifeDays: Infinity,
    });
    expect(flat.get('OLD')).toBeCloseTo(flat.get('NEW')!);
  });

  it('should damp one shopper clicking many times (50 views < 6 shoppers viewing once)', () => {
    const at = '2026-10-01T00:00:00Z';
    const clicks = Array.from({ length: 50 }, () => e('bot', 'SPAM', 'view', at));
    const scores = popularityScores([...clicks, ...['a', 'b', 'c', 'd', 'e', 'f'].map((u) => e(u, 'REAL', 'view', at))]);
    expect(scores.get('REAL')!).toBeGreaterThan(scores.get('SPAM')!);
  });

  it('should leave out products with only bad ratings', () => {
    const at = '2026-10-01T00:00:00Z';
    expect(popularityScores([e('u1', 'BAD', 'rating', at, 1)]).has('BAD')).toBe(false);
    expect(eventWeight(e('u1', 'X', 'rating', at, 5))).toBe(4);
    expect(eventWeight(e('u1', 'X', 'rating', at, 3))).toBe(0);
    expect(eventWeight(e('u1', 'X', 'rating', at))).toBe(0);
  });
});
