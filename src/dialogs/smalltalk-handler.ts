/**
 * @module dialogs/smalltalk-handler
 * The `smalltalk` skill (greetings, thanks, goodbyes) and everything out of scope: a short reply
 * (the response whose key is the intent's name, else `smalltalk.oos`) and, unless left out, the menu.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from './turn/bot-services';
import { reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { menuActions } from './menu';

export async function handleSmalltalk(context: TurnContext, services: BotServices, intent: string, withMenu: boolean): Promise<void> {
  const { locale } = turnInfo(context);
  const key = services.responses.has(intent) ? intent : 'smalltalk.oos';
  await reply(context, services.responses.text(locale, key), locale, {
    actions: withMenu ? menuActions(services.responses, locale) : [],
  });
}
