/**
 * @module dialogs/product-info-handler
 * `product.info` and `product.stock`: find the named product in the catalogue (fuzzy on title,
 * brand, model) and answer from it; out of stock → in-stock alternatives.
 */
import type { TurnContext } from 'botbuilder-core';
import { localize, type Product } from '../core/shop';
import type { BotServices } from '../bot/bot-services';
import { reply } from '../bot/reply';
import { turnInfo } from '../bot/turn-info';
import { handoffAction } from './menu';
import { priceText, productCard } from './product-card';
import { handleRecommend } from './recommend-handler';

const ALTERNATIVES = 3;

export async function handleProductQuestion(context: TurnContext, services: BotServices, intent: 'product.info' | 'product.stock'): Promise<void> {
  const { locale, text, recognition } = turnInfo(context);
  const match = text.trim() ? services.matcher.best(text, locale) : null;
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
  const vars = {
    title: localize(product.title, locale),
    price: priceText(product, locale),
    description: localize(product.description, locale),
    stock: product.stock ?? '',
    rating: product.rating ?? '',
  };
  const inStock = product.stock === undefined || product.stock > 0;
  if (intent === 'product.info') {
    const key = inStock ? 'product.info' : 'product.infoOutOfStock';
    await reply(context, services.responses.text(locale, key, vars), locale, { attachments: [productCard(product, locale)] });
    return;
  }
  if (inStock) {
    const key = product.stock === undefined ? 'product.inStockUnknownCount' : 'product.inStock';
    await reply(context, services.responses.text(locale, key, vars), locale, { attachments: [productCard(product, locale)] });
    return;
  }
  const sameCategoryInStock = (p: Product): boolean => p.category === product.category && (p.stock === undefined || p.stock > 0);
  const alternatives = services.recommender
    .similarTo(product.id, ALTERNATIVES, sameCategoryInStock)
    .map((r) => services.products.get(r.productId)!)
    .filter(Boolean);
  await reply(context, services.responses.text(locale, alternatives.length ? 'product.outOfStockAlternatives' : 'product.outOfStock', vars), locale, {
    attachments: [
      productCard(product, locale),
      ...alternatives.map((p) => productCard(p, locale, services.responses.text(locale, 'product.alternativeReason'))),
    ],
  });
}
