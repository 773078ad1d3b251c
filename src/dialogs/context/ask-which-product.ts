/**
 * @module dialogs/context/ask-which-product
 * "Is it any good?" after several product cards: the bot does not guess which one "it" is, it
 * asks, with one button per card shown (its title). A tap (`product:<intent>|<id>` postback) is
 * the same question about that product (`KefuBot` reads it as a reference to the card).
 */
import type { TurnContext } from 'botbuilder-core';
import { localize } from '../../core/shop';
import type { BotServices } from '../turn/bot-services';
import { postbacks } from '../turn/postback';
import { reply } from '../turn/reply';
import { turnInfo } from '../turn/turn-info';

/**
 * Asks which of `productIds` the question `intent` is about.
 * @example askWhichProduct(context, services, 'product.stock', ['P1', 'P2']) // "您问的是哪一款？" [P1 title] [P2 title]
 */
export async function askWhichProduct(context: TurnContext, services: BotServices, intent: string, productIds: readonly string[]): Promise<void> {
  const { locale } = turnInfo(context);
  const products = productIds.map((id) => services.products.get(id)).filter((p) => p !== undefined);
  await reply(context, services.responses.text(locale, 'product.whichOne'), locale, {
    actions: products.map((p) => ({ title: localize(p.title, locale), value: postbacks.product(intent, p.id) })),
  });
}
