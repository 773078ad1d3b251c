/**
 * @module dialogs/turn/bot-services
 * Everything the dialogs and handlers use, built once by the composition root.
 */
import type { StatePropertyAccessor } from 'botbuilder-core';
import type { HandoffQueue } from '../../core/conversation';
import type { OrderRepository } from '../../core/orders';
import type { TextAnalyzer } from '../../core/nlu';
import type { Faq, Product } from '../../core/shop';
import type { NotCarriedDetector } from '../not-carried';
import type { OrderIdPattern } from '../order/order-id-pattern';
import type { Responses } from '../../domain/responses';
import type { ProductMatcher } from '../../services/catalog/product-matcher';
import type { FaqRetriever } from '../../services/faq/faq-retriever';
import type { ItemToItemRecommender } from '../../services/recommender/recommender';
import type { ProductConstraints } from '../../services/recommender/constraints';
import type { OrderGrant } from '../../privacy/order-access';
import type { ClarificationLog, PendingClarification } from '../clarify-intent';
import type { ClarifyRule } from '../../nlp/clarify-rule';
import type { StaffHours } from '../staff-hours';
import type { CategoryNames } from '../../services/catalog/category-names';
import type { Domain } from '../../domain/types';
import type { RecentContext } from '../context/recent-context';

/** What the bot remembers about a conversation between turns (besides the dialog stack). */
export interface ConversationMemory {
  /** The order last shown in this conversation ("cancel it" refers to it). */
  lastOrderId?: string;
  /**
   * Orders an anonymous shopper's connection has proven to own, each until it is idle too long
   * (`privacy/order-access`, the one place that says what is currently verified).
   */
  verified?: OrderGrant[];
  /** The last recommendation, for "cheaper" / "more" follow-ups. */
  lastRecommendation?: { constraints: ProductConstraints; shownIds: string[]; prices: number[] };
  /** The recent turns' intent, product constraints and cards, for follow-ups (`dialogs/context`). */
  recent?: RecentContext;
  /** The clarifying question asked in the previous turn, until the next turn (`dialogs/clarify-intent`). */
  clarification?: PendingClarification;
}

export interface BotServices {
  responses: Responses;
  orders: OrderRepository;
  handoffs: HandoffQueue;
  products: ReadonlyMap<string, Product>;
  faq: FaqRetriever;
  faqs: readonly Faq[];
  analyzer: TextAnalyzer;
  matcher: ProductMatcher;
  recommender: ItemToItemRecommender;
  /** What this shop's order numbers look like. */
  orderIds: OrderIdPattern;
  /** The kind of product asked for when the shop sells none of it. */
  notCarried: NotCarriedDetector;
  /** Category names in the shopper's language (the shop's, else built-in); cards fall back to the built-in names. */
  categoryNames?: CategoryNames;
  memory: StatePropertyAccessor<ConversationMemory>;
  /** How long an anonymous shopper's verification lasts without a turn (`KEFU_VERIFICATION_IDLE_MINUTES`), in ms. */
  verificationIdleMs: number;
  /** When to ask "this or that?" instead of guessing (`KEFU_CLARIFY_MARGIN`); absent: never. */
  clarify?: ClarifyRule;
  /** Where a shopper's pick of a clarifying button goes as a training signal; absent: nowhere. */
  clarifications?: ClarificationLog;
  /** When staff answer and how long a queued conversation takes them (the domain's `staffHours`, or `KEFU_STAFF_HOURS_FILE`). */
  staffHours: StaffHours;
  /** The bot's content (`domain.json`, the shop's over the built-in): intents and their answers, thresholds, keyword lists. */
  domain: Domain;
}
