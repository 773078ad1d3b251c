/**
 * @module dialogs/context/reference-resolution
 * Ordinals and pronouns point at the cards last shown: 第二个 / "the second one" is the second
 * product card, "the last one" the last; 这款 / 它 / "it" / "that one" the only product shown, or
 * the product a question was about (its card comes first, alternatives after it). "Cancel it"
 * and "这单" point at the order last shown. The words are the domain's keyword lists (`ordinalFirst`…
 * `ordinalLast`, `pronoun`, `orderWord`), so a shop adds its own.
 */
import type { KeywordMatcher } from '../../domain/keyword-matcher';
import type { RecentContext } from './recent-context';

export type Reference = { kind: 'product'; productId: string; position: number } | { kind: 'order'; orderId: string; position: number };

/** Intents whose single product card is "the" product of the answer (a question about one). */
const ONE_PRODUCT_ANSWERS = new Set(['product.info', 'product.stock']);

function pick<T>(items: readonly T[], position: number): T | undefined {
  return position === -1 ? items[items.length - 1] : items[position - 1];
}

/**
 * What the message points at among the recent cards, or null.
 * @param wantsOrder the classifier reads the message as about an order (order.*), so "it" is the order
 * @param words the domain's keyword lists (`wordsOf(domain)`)
 * @example resolveReference('第二个拍照咋样', { productIds: ['P1', 'P2'], orderIds: [], shown: 'products' }, false, words)
 * // { kind: 'product', productId: 'P2', position: 2 }
 */
export function resolveReference(text: string, recent: RecentContext | undefined, wantsOrder: boolean, words: KeywordMatcher): Reference | null {
  if (!recent) return null;
  const ordinal = words.ordinal(text);
  const pronoun = words.pronoun(text);
  if (ordinal === undefined && !pronoun) return null;
  const aboutOrder = recent.orderIds.length > 0 && (wantsOrder || words.orderWord(text) || (recent.shown === 'orders' && !recent.productIds.length));
  if (aboutOrder || (recent.shown === 'orders' && recent.orderIds.length > 0 && ordinal === undefined)) {
    const orderId = pick(recent.orderIds, ordinal ?? 1);
    return orderId ? { kind: 'order', orderId, position: ordinal ?? 1 } : null;
  }
  if (!recent.productIds.length) return null;
  if (ordinal !== undefined) {
    const productId = pick(recent.productIds, ordinal);
    return productId ? { kind: 'product', productId, position: ordinal } : null;
  }
  // "It" among four recommendations is anyone's guess; among one card, or after a question about one product, it is that one.
  if (recent.productIds.length === 1 || ONE_PRODUCT_ANSWERS.has(recent.intent ?? '')) {
    return { kind: 'product', productId: recent.productIds[0], position: 1 };
  }
  return null;
}
