/**
 * @module dialogs/context/constraint-inheritance
 * A product follow-up keeps the constraints of the previous answer unless it replaces them:
 * 要华为的 keeps 笔记本 + 5000以内 and sets the brand; "only Sony" replaces the brand; "and for
 * laptops?" replaces the category and keeps brand and budget; 有现货的吗 adds in-stock. A message
 * that names a category without any follow-up cue ("推荐一款3000以内的手机") is a new request.
 * The cue and in-stock words are the domain's keyword lists `followUpCue` and `inStock`.
 * ("Cheaper" lowers the budget below what was shown: `recommend-handler`, which has the prices.)
 */
import type { Entity, PriceRange } from '../../core/nlu';
import type { ProductConstraints } from '../../services/recommender/constraints';
import type { KeywordMatcher } from '../../domain/keyword-matcher';

/** Category, brand and price range the message itself names. */
export function constraintsFrom(entities: readonly Entity[]): ProductConstraints {
  const c: ProductConstraints = {};
  for (const e of entities) {
    if (e.type === 'category' && !c.category) c.category = String(e.value);
    if (e.type === 'brand' && !c.brand) c.brand = String(e.value);
    if (e.type === 'price' && !c.price && typeof e.value === 'object') c.price = { ...(e.value as PriceRange) };
  }
  return c;
}

/** Whether the message reads as a new request rather than a change to the last one. */
export function isNewRequest(text: string, asked: ProductConstraints, words: KeywordMatcher): boolean {
  return asked.category !== undefined && !words.followUpCue(text);
}

/**
 * The constraints a message stands for, given the previous answer's.
 * @example inheritConstraints({ category: 'laptops', price: { max: 5000 } }, '要华为的', { brand: 'Huawei' }, wordsOf(domain))
 * // { category: 'laptops', price: { max: 5000 }, brand: 'Huawei' }
 */
export function inheritConstraints(previous: ProductConstraints | undefined, text: string, asked: ProductConstraints, words: KeywordMatcher): ProductConstraints {
  const wantsStock = words.inStock(text);
  if (!previous || isNewRequest(text, asked, words)) return wantsStock ? { ...asked, inStock: true } : asked;
  const merged: ProductConstraints = { ...previous };
  if (asked.category) merged.category = asked.category;
  if (asked.brand) merged.brand = asked.brand;
  if (asked.price) merged.price = asked.price;
  if (wantsStock) merged.inStock = true;
  return merged;
}
