/**
 * @module nlp/token-types
 * The NLU's own view of a token: the core `Token` plus a `tag` naming the class of a special
 * token (order number, phone, price…), so features can replace it with a placeholder.
 */
import type { Token } from '../core/nlu';

/** Classes of special tokens; each becomes one placeholder feature (`<order_id>`, `<price>`…). */
export type TokenTag = 'order_id' | 'phone' | 'email' | 'price' | 'number' | 'model' | CatalogueTag;

/** A brand or category word, tagged for the intent features only (`nlp/catalogue-classes`); it keeps its word feature too. */
export type CatalogueTag = 'brand' | 'category';

/** Does the token keep its own word feature beside its class? Short numbers and models (88, 3q) and catalogue words do. */
export function keepsOwnWord(t: NluToken): boolean {
  return ((t.tag === 'number' || t.tag === 'model') && t.norm.length <= 4) || t.tag === 'brand' || t.tag === 'category';
}

/** A core token, optionally tagged as a special token. Assignable to `Token`. */
export interface NluToken extends Token {
  tag?: TokenTag;
}
