/**
 * @module dialogs/context/reference-resolution
 * Ordinals and pronouns point at the cards last shown: 第二个 / "the second one" is the second
 * product card, "the last one" the last; 这款 / 它 / "it" / "that one" the only product shown, or
 * the product a question was about (its card comes first, alternatives after it); among several
 * product cards "it" is not guessed (`productsItMayMean`: the bot asks which one). "Cancel it"
 * and "这单" point at the order last shown. The words are the domain's keyword lists (`ordinalFirst`…
 * `ordinalLast`, `pronoun`, `orderWord`), so a shop adds its own.
 */
import type { KeywordMatcher } from '../../domain/keyword-matcher';
import { ONE_PRODUCT_ANSWERS, type RecentContext } from './recent-context';

export type Reference = { kind: 'product'; productId: string; position: number } | { kind: 'order'; orderId: string; position: number };

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

/**
 * The product cards "it" / 这个 may mean when it points at none of them alone: several shown by an
 * answer that was not about one product, and no ordinal, order word or order card last. Else null.
 * @example productsItMayMean('它怎么样', { intent: 'product.recommend', productIds: ['P1', 'P2'], orderIds: [], shown: 'products' }, words)
 * // ['P1', 'P2']
 */
export function productsItMayMean(text: string, recent: RecentContext | undefined, words: KeywordMatcher): string[] | null {
  if (!recent || recent.shown !== 'products' || recent.productIds.length < 2 || ONE_PRODUCT_ANSWERS.has(recent.intent ?? '')) return null;
  if (!words.pronoun(text) || words.ordinal(text) !== undefined || words.orderWord(text)) return null;
  return [...recent.productIds];
}
