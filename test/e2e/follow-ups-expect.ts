/**
 * @module test/e2e/follow-ups-expect
 * Checks shared by the follow-up conversations on the demo shop and the second shop: a list's
 * cards keep the constraints asked for (read from the catalogue, not from the reply); the card a
 * question points at; the order "my latest order" and "cancel it" mean.
 */
import { localize, type Locale, type Order, type Product } from '../../src/core/shop';
import { cardsOf, intentOf, textOf, type ChatClient, type Turn } from '../helpers/chat-client';

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

/**
 * After a list, a question about its second card (第二个拍照咋样) answers about that product, and
 * "it" (它有货吗 / "is it in stock?") is that product next.
 */
export async function expectSecondCardThenIt(c: ChatClient, ask: { list: string; second: string; itStock: string }, products: readonly Product[], lang: Locale): Promise<void> {
  const list = cardsOf(await c.say(ask.list), 'product');
  expect(list.length).toBeGreaterThanOrEqual(2);
  const second = products.find((p) => p.id === list[1].productId)!;
  const turn = await c.say(ask.second);
  expect(intentOf(turn)).toBe('product.info');
  expect(cardsOf(turn, 'product').map((card) => card.productId)).toEqual([second.id]);
  expect(textOf(turn)).toContain(localize(second.title, lang));
  const stock = await c.say(ask.itStock);
  expect(intentOf(stock)).toBe('product.stock');
  expect(cardsOf(stock, 'product')[0]).toMatchObject({ productId: second.id });
}

/**
 * A signed-in shopper's first order shown, then "what about my latest order then?" shows the
 * newest one, and "cancel it" asks to cancel that one.
 */
export async function expectLatestThenCancelIt(c: ChatClient, ask: { status: (id: string) => string; latest: string; cancelIt: string }, orders: readonly Order[]): Promise<void> {
  const mine = [...orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const [first, latest] = [mine[0], mine[mine.length - 1]];
  expect(first.id).not.toBe(latest.id);
  expect(cardsOf(await c.say(ask.status(first.id)), 'order').map((o) => o.orderId)).toEqual([first.id]);
  const next = await c.say(ask.latest);
  expect(intentOf(next)).toBe('order.status');
  expect(cardsOf(next, 'order').map((o) => o.orderId)).toEqual([latest.id]);
  const cancel = await c.say(ask.cancelIt);
  expect(intentOf(cancel)).toBe('order.cancel');
  expect(textOf(cancel)).toContain(latest.id);
  expect(textOf(cancel)).not.toContain(first.id);
}
