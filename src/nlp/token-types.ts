/**
 * @module nlp/token-types
 * The NLU's own view of a token: the core `Token` plus a `tag` naming the class of a special
 * token (order number, phone, price…), so features can replace it with a placeholder.
 */
import type { Token } from '../core/nlu';

/** Classes of special tokens; each becomes one placeholder feature (`<order_id>`, `<price>`…). */
export type TokenTag = 'order_id' | 'phone' | 'email' | 'price' | 'number' | 'model';

/** A core token, optionally tagged as a special token. Assignable to `Token`. */
export interface NluToken extends Token {
  tag?: TokenTag;
}
