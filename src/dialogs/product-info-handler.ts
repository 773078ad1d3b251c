/**
 * @module dialogs/product-info-handler
 * The `productQuestion` skill (`product.info`, `product.stock`, or a shop's own intent answered
 * so): find the named product in the catalogue (fuzzy on title, brand, model) and answer from it;
 * `product.stock` asks about its stock (out of stock → in-stock alternatives), every other intent
 * about the product. A question that points at a card shown before (第二个拍照咋样, "is it in
 * stock") is about that card's product; "it" among several cards gets "which one?".
 */
import type { TurnContext } from 'botbuilder-core';
import { localize, type Locale, type Product } from '../core/shop';
import type { BotServices } from './turn/bot-services';
import { reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { SHOWN_CONSTRAINTS_KEY } from './turn/turn-keys';
import { askWhichProduct } from './context/ask-which-product';
import { handoffAction } from './menu';
import { priceText, productCard } from './product-card';
import { handleRecommend } from './recommend-handler';

const ALTERNATIVES = 3;
/** A weaker match still names the product when it clearly stands out from the next one. */
const DOMINANT_SCORE = 0.25;
const DOMINANCE = 2;

/**
 * The product a question names. Question words dilute the match score ("小米14有货吗" scores
 * lower than "小米14"), so besides the matcher's own bar a match that is twice as good as the
 * runner-up counts too.
 */
function namedProduct(services: BotServices, text: string, locale: Locale) {
  const best = services.matcher.best(text, locale);
  if (best) return best;
  const [first, second] = services.matcher.match(text, locale, { limit: 2 });
  if (first && first.score >= DOMINANT_SCORE && (!second || first.score >= DOMINANCE * second.score)) return first;
  return null;
}

/**
 * Answers a question about one product.
 * @param intent the intent answered: `product.stock` for its stock, any other for the product (its name is kept on "which one?" buttons)
 */
export async function handleProductQuestion(context: TurnContext, services: BotServices, intent: string): Promise<void> {
  const { locale, text, recognition, followUp } = turnInfo(context);
  if (followUp?.choices) {
    await askWhichProduct(context, services, intent, followUp.choices);
    return;
  }
  const referred = followUp?.reference?.kind === 'product' ? services.products.get(followUp.reference.productId) : undefined;
  const match = referred ? { product: referred } : text.trim() ? namedProduct(services, text, locale) : null;
  if (!match) {
    // A category or brand without one product named: show some of them instead.
    if (recognition.entities.some((e) => e.type === 'category' || e.type === 'brand')) {
      await handleRecommend(context, services);
      return;
    }
    await reply(context, services.responses.text(locale, 'product.notFound'), locale, {
      actions: [handoffAction(services.responses, locale)],
    });
    return;
  }
  const product = match.product;
  // "华为的呢" next turn: the same kind of product, another brand.
  context.turnState.set(SHOWN_CONSTRAINTS_KEY, { category: product.category, brand: product.brand });
  const vars = {
    title: localize(product.title, locale),
    price: priceText(product, locale),
    description: localize(product.description, locale),
    stock: product.stock ?? '',
    rating: product.rating ?? '',
  };
  const inStock = product.stock === undefined || product.stock > 0;
  if (intent !== 'product.stock') {
    const key = inStock ? 'product.info' : 'product.infoOutOfStock';
    await reply(context, services.responses.text(locale, key, vars), locale, { attachments: [productCard(product, locale, undefined, services.categoryNames)] });
    return;
  }
  if (inStock) {
    const key = product.stock === undefined ? 'product.inStockUnknownCount' : 'product.inStock';
    await reply(context, services.responses.text(locale, key, vars), locale, { attachments: [productCard(product, locale, undefined, services.categoryNames)] });
    return;
  }
  const sameCategoryInStock = (p: Product): boolean => p.category === product.category && (p.stock === undefined || p.stock > 0);
  const alternatives = services.recommender
    .similarTo(product.id, ALTERNATIVES, sameCategoryInStock)
    .map((r) => services.products.get(r.productId)!)
    .filter(Boolean);
  await reply(context, services.responses.text(locale, alternatives.length ? 'product.outOfStockAlternatives' : 'product.outOfStock', vars), locale, {
    attachments: [
      productCard(product, locale, undefined, services.categoryNames),
      ...alternatives.map((p) => productCard(p, locale, services.responses.text(locale, 'product.alternativeReason'), services.categoryNames)),
    ],
  });
}
