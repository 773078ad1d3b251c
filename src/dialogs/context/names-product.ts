/**
 * @module dialogs/context/names-product
 * Whether a message names one product of the catalogue, so a question about it stays a question
 * about it instead of being read as a change to the list before ("小米14有货吗" names one; "what
 * about huawei?" matches every HUAWEI product alike and names none).
 */
import type { Locale } from '../../core/shop';
import type { ProductMatcher } from '../../services/catalog/product-matcher';

/** The best match must beat the runner-up by this factor to name a product rather than a brand or kind. */
const STANDS_OUT = 1.25;

/** @example namesProduct(matcher, '小米14有货吗', 'zh') // true */
export function namesProduct(matcher: ProductMatcher, text: string, locale: Locale): boolean {
  const best = matcher.best(text, locale);
  if (!best) return false;
  const [, second] = matcher.match(text, locale, { limit: 2 });
  return !second || best.score >= STANDS_OUT * second.score;
}
