/**
 * @module dialogs/context/recent-context
 * What the conversation remembers of its recent turns for follow-ups (issue 12): the intent last
 * answered, the product constraints it answered with, and the cards last shown (product ids in
 * the order shown, order ids). Kept in `ConversationMemory.recent` (botbuilder ConversationState).
 */
import type { ProductConstraints } from '../../services/recommender/constraints';

/** Intents whose answers give no context to read the next message in (it keeps the one before). */
const NO_CONTEXT = new Set(['oos', 'smalltalk.greeting', 'smalltalk.thanks', 'smalltalk.goodbye']);
/** Intents whose single product card is "the" product of the answer (a question about one). */
export const ONE_PRODUCT_ANSWERS: ReadonlySet<string> = new Set(['product.info', 'product.stock']);

export interface RecentContext {
  /** The intent of the last turn that answered something (not small talk or `oos`). */
  intent?: string;
  /** Category, brand, budget and stock of the last product answer (a list or one product). */
  constraints?: ProductConstraints;
  /** Product cards last shown, in order ("第二个" is `productIds[1]`). */
  productIds: string[];
  /** Order cards last shown, in order. */
  orderIds: string[];
  /** Which kind of card came last: what "it" / "这个" points at first. */
  shown?: 'products' | 'orders';
}

/** What one turn showed, collected while its replies went out. */
export interface TurnShown {
  intent: string;
  productIds: string[];
  orderIds: string[];
  /** Set by the product handlers: the constraints their answer stands for. */
  constraints?: ProductConstraints;
}

/**
 * The context after a turn: cards replace the cards of their kind only when the turn showed
 * some, so "thanks" after a list still lets "the second one" point into it.
 * @example nextContext(undefined, { intent: 'product.recommend', productIds: ['P1', 'P2'], orderIds: [] })
 */
export function nextContext(previous: RecentContext | undefined, turn: TurnShown): RecentContext {
  const next: RecentContext = { productIds: [], orderIds: [], ...previous };
  // A question about one product that showed none ("which one?", not found) leaves the intent as
  // it was: else "it" would come to mean the first card of the list before.
  const showedNoProduct = ONE_PRODUCT_ANSWERS.has(turn.intent) && !turn.productIds.length;
  if (!NO_CONTEXT.has(turn.intent) && !showedNoProduct) next.intent = turn.intent;
  if (turn.productIds.length) {
    next.productIds = turn.productIds.slice(0, 10);
    next.shown = 'products';
  }
  if (turn.orderIds.length) {
    next.orderIds = turn.orderIds.slice(0, 10);
    next.shown = 'orders';
  }
  if (turn.constraints) next.constraints = withoutUndefined(turn.constraints);
  return next;
}

function withoutUndefined(c: ProductConstraints): ProductConstraints {
  const out: ProductConstraints = {};
  if (c.category) out.category = c.category;
  if (c.brand) out.brand = c.brand;
  if (c.price && (c.price.min !== undefined || c.price.max !== undefined)) {
    out.price = {};
    if (c.price.min !== undefined) out.price.min = c.price.min;
    if (c.price.max !== undefined) out.price.max = c.price.max;
  }
  if (c.inStock) out.inStock = true;
  return out;
}
