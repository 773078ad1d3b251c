/**
 * @module test/e2e/follow-ups-expect
 * Checks shared by the follow-up conversations on the demo shop and the second shop: a list's
 * cards keep the constraints asked for (read from the catalogue, not from the reply).
 */
import type { Product } from '../../src/core/shop';
import { cardsOf, type Turn } from '../helpers/chat-client';

export interface Wanted {
  category?: string;
  brand?: string;
  max?: number;
}

/** The catalogue products a strict list for `wanted` may hold (in stock). */
export function fitting(products: readonly Product[], wanted: Wanted): Product[] {
  const norm = (s: string | undefined) => (s ?? '').toLowerCase().replace(/\s+/g, '');
  return products.filter(
    (p) =>
      (p.stock === undefined || p.stock > 0) &&
      (wanted.category === undefined || p.category === wanted.category) &&
      (wanted.brand === undefined || norm(p.brand) === norm(wanted.brand)) &&
      (wanted.max === undefined || p.price <= wanted.max),
  );
}

/** Every product card of the turn fits `wanted`; returns the cards' product ids in order. */
export function expectCardsWithin(turn: Turn, products: readonly Product[], wanted: Wanted): string[] {
  const cards = cardsOf(turn, 'product');
  expect(cards.length).toBeGreaterThan(0);
  const allowed = new Set(fitting(products, wanted).map((p) => p.id));
  for (const card of cards) expect({ productId: card.productId, fits: allowed.has(String(card.productId)) }).toEqual({ productId: card.productId, fits: true });
  return cards.map((card) => String(card.productId));
}

/** The median price of a list's cards (what "cheaper" goes below). */
export function medianPrice(turn: Turn): number {
  const prices = cardsOf(turn, 'product').map((c) => c.price as number).sort((a, b) => a - b);
  const mid = Math.floor(prices.length / 2);
  return prices.length % 2 ? prices[mid] : (prices[mid - 1] + prices[mid]) / 2;
}
