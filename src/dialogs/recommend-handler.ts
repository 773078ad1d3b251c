/**
 * @module dialogs/recommend-handler
 * `product.recommend`: constraints from the message (category, brand, budget, attributes),
 * personal recommendations for a known shopper or popularity otherwise, 3–5 cards with a reason
 * each. "cheaper" / "便宜点的" / "more" refine the last list; a follow-up (要华为的, "only Sony")
 * brings the constraints it inherits (`dialogs/context`). A product the shopper names that is
 * sold out is said to be sold out before the list.
 */
import type { TurnContext } from 'botbuilder-core';
import type { PriceRange } from '../core/nlu';
import { localize, type Locale, type Product } from '../core/shop';
import type { BotServices, ConversationMemory } from './turn/bot-services';
import { postbacks } from './turn/postback';
import { reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { SHOWN_CONSTRAINTS_KEY } from './turn/turn-keys';
import { productFilter, type ProductConstraints } from '../services/recommender/constraints';
import { constraintsFrom } from './context/constraint-inheritance';
import { wordsOf, type RefinementWord } from '../domain/keyword-matcher';
import type { Recommendation } from '../services/recommender/types';
import { handoffAction } from './menu';
import { priceText, productCard } from './product-card';

/** What "cheaper" / "more" / "pricier" asks of the last list (a button, or the domain's `refine*` words). */
export type Refinement = RefinementWord;
const CARDS = 4;

type Analyzer = BotServices['analyzer'];

/** A product's terms per analyzer and language, read once: every recommendation scores every candidate against the shopper's words. */
const productTerms = new WeakMap<Analyzer, WeakMap<Product, Partial<Record<Locale, Set<string>>>>>();

function termsOf(product: Product, analyzer: Analyzer, locale: Locale): Set<string> {
  let byProduct = productTerms.get(analyzer);
  if (!byProduct) productTerms.set(analyzer, (byProduct = new WeakMap()));
  let byLocale = byProduct.get(product);
  if (!byLocale) byProduct.set(product, (byLocale = {}));
  let terms = byLocale[locale];
  if (!terms) {
    const text = [
      ...(product.tags ?? []),
      ...Object.values(product.attributes ?? {}).flat(),
      localize(product.title, locale),
      localize(product.description, locale),
    ].join(' ');
    terms = byLocale[locale] = new Set(analyzer.terms(text, locale));
  }
  return terms;
}

/** How many of the message's words a product's tags, attributes or title carry. */
function attributeHits(product: Product, terms: Set<string>, analyzer: Analyzer, locale: Locale): number {
  if (terms.size === 0) return 0;
  const have = termsOf(product, analyzer, locale);
  let hits = 0;
  for (const t of terms) if (have.has(t)) hits += 1;
  return hits;
}

export async function handleRecommend(context: TurnContext, services: BotServices, refinement?: Refinement): Promise<void> {
  const { locale, text, customerId, recognition, followUp: read } = turnInfo(context);
  const memory: ConversationMemory = await services.memory.get(context, {});
  const last = memory.lastRecommendation;
  // What the message asks for, with what it inherits from the previous answer when it follows one.
  const asked = read?.constraints ?? constraintsFrom(recognition.entities);
  const unsold = !asked.category && text ? services.notCarried(text) : undefined;
  if (unsold) {
    await reply(context, services.responses.text(locale, 'recommend.notCarried', { what: unsold }), locale, {
      actions: [
        { title: services.responses.text(locale, 'recommend.actionPopular'), value: postbacks.intent('product.recommend') },
        handoffAction(services.responses, locale),
      ],
    });
    return;
  }
  const how = refinement ?? (text ? wordsOf(services.domain).refinement(text) ?? undefined : undefined);
  const followUp = Boolean(how && last && (!asked.category || asked.category === last.constraints.category));
  let constraints: ProductConstraints = followUp ? { ...last!.constraints, ...definedOnly(asked) } : asked;
  let exclude: string[] = [];
  if (followUp && last) {
    exclude = [...last.shownIds];
    // "Cheaper" moves the price level below the middle of what was shown (not below its
    // cheapest item, which a list spanning ¥199–¥2999 would make useless); "pricier" above it.
    const middle = median(last.prices);
    if (how === 'cheaper' && last.prices.length) constraints = { ...constraints, price: { ...constraints.price, min: undefined, max: middle - 0.01 } };
    if (how === 'pricier' && last.prices.length) constraints = { ...constraints, price: { ...constraints.price, max: undefined, min: middle + 0.01 } };
  }
  // The message's words matched against tags and attributes. Words of the category or brand
  // asked for match every candidate alike (they are filtered on), so only the rest ("降噪",
  // "gaming") change the order.
  const terms = new Set(services.analyzer.terms(text, locale));

  const personal = customerId && services.recommender.knows(customerId) ? customerId : undefined;
  const pick = (c: ProductConstraints): Recommendation[] => {
    const recs = services.recommender.recommend({ customerId: personal, filter: productFilter({ ...c, inStock: true }), exclude, limit: 40 });
    return recs
      .map((r, rank) => ({ r, rank, hits: attributeHits(services.products.get(r.productId)!, terms, services.analyzer, locale) }))
      // What the shopper asked for ("降噪", "gaming") first, then the recommender's order.
      .sort((a, b) => b.hits - a.hits || a.rank - b.rank)
      .slice(0, CARDS)
      .map((x) => x.r);
  };
  let recs = pick(constraints);
  let relaxed = false;
  if (recs.length === 0 && !followUp && (constraints.brand || constraints.price)) {
    // Nothing fits every constraint: first over the budget in the brand asked for (要华为的 when
    // the only HUAWEI laptop costs more), then the category alone, and say so.
    if (constraints.brand && constraints.price) recs = pick({ category: constraints.category, brand: constraints.brand });
    if (recs.length === 0) recs = pick({ category: constraints.category });
    relaxed = recs.length > 0;
  }
  const soldOut = soldOutNamed(services, text, locale, constraints, terms);
  // "X is sold out." before whatever the reply says.
  const said = (answer: string): string =>
    soldOut ? services.responses.text(locale, 'recommend.soldOutNamed', { title: localize(soldOut.title, locale), then: answer }) : answer;
  if (recs.length === 0) {
    await reply(context, said(services.responses.text(locale, followUp ? 'recommend.noMore' : 'recommend.none')), locale, {
      actions: [handoffAction(services.responses, locale)],
    });
    return;
  }
  const shown = recs.map((r) => services.products.get(r.productId)!);
  context.turnState.set(SHOWN_CONSTRAINTS_KEY, constraints);
  memory.lastRecommendation = {
    constraints: { ...constraints, excludeIds: undefined },
    shownIds: [...new Set([...exclude, ...shown.map((p) => p.id)])].slice(-60),
    prices: shown.map((p) => p.price),
  };
  await services.memory.set(context, memory);
  const key = relaxed ? 'recommend.relaxed' : followUp ? `recommend.${how}` : personal ? 'recommend.personal' : 'recommend.intro';
  // One pick is said in the singular ("Here is one pick", "为您挑了这一款").
  const counted = shown.length === 1 && services.responses.has(`${key}One`) ? `${key}One` : key;
  await reply(context, said(services.responses.text(locale, counted, { count: shown.length })), locale, {
    attachments: recs.map((r, i) => productCard(shown[i], locale, reasonText(services, r, shown[i], locale, constraints), services.categoryNames)),
    actions: [
      { title: services.responses.text(locale, 'recommend.actionCheaper'), value: postbacks.refine('cheaper') },
      { title: services.responses.text(locale, 'recommend.actionMore'), value: postbacks.refine('more') },
    ],
  });
}

/**
 * The product the message names, when it is sold out and of the kind asked for ("and the bose
 * earbuds?"): the in-stock list cannot hold it, so the reply says so instead of keeping quiet.
 * Named means the matcher finds it, or, with a brand asked for, the message's words fit it better
 * than every other product of that brand and kind (那Bose的耳塞呢: only the earbuds say 耳塞).
 */
function soldOutNamed(services: BotServices, text: string, locale: Locale, c: ProductConstraints, terms: Set<string>): Product | undefined {
  const soldOut = (p: Product): boolean => p.stock !== undefined && p.stock <= 0;
  const kind = productFilter({ category: c.category, brand: c.brand });
  const named = text.trim() ? services.matcher.best(text, locale) : null;
  if (named) return soldOut(named.product) && kind(named.product) ? named.product : undefined;
  if (!c.brand) return undefined;
  const [first, second] = [...services.products.values()]
    .filter(kind)
    .map((p) => ({ p, hits: attributeHits(p, terms, services.analyzer, locale) }))
    .sort((a, b) => b.hits - a.hits);
  return first && soldOut(first.p) && first.hits > (second?.hits ?? 0) ? first.p : undefined;
}

/** The median of the prices shown (the "price level" of a list). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function definedOnly(c: ProductConstraints): ProductConstraints {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as ProductConstraints;
}

function reasonText(services: BotServices, r: Recommendation, product: Product, locale: Locale, c: ProductConstraints): string {
  const because = r.reason.becauseOf ? services.products.get(r.reason.becauseOf) : undefined;
  const vars = {
    because: because ? localize(because.title, locale).slice(0, 24) : '',
    rating: product.rating ?? '',
    price: priceText(product, locale),
  };
  const base =
    r.reason.becauseOf === product.id
      ? services.responses.text(locale, 'recommend.reasonViewed', vars)
      : because && (r.reason.kind === 'similar' || r.reason.kind === 'bought-together')
      ? services.responses.text(locale, 'recommend.reasonBecause', vars)
      : r.reason.kind === 'top-rated' && product.rating !== undefined
        ? services.responses.text(locale, 'recommend.reasonTopRated', vars)
        : services.responses.text(locale, 'recommend.reasonPopular', vars);
  return c.price && withinBudget(product.price, c.price) ? `${base} · ${services.responses.text(locale, 'recommend.reasonBudget', vars)}` : base;
}

/** Is the price inside the range asked for (a relaxed list may hold items over the budget)? */
export function withinBudget(price: number, range: PriceRange): boolean {
  return (range.min === undefined || price >= range.min) && (range.max === undefined || price <= range.max);
}
