/**
 * @module dialogs/smalltalk-handler
 * Greetings, thanks, goodbyes and everything out of scope: a short reply and the menu.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from '../bot/bot-services';
import { reply } from '../bot/reply';
import { turnInfo } from '../bot/turn-info';
import { menuActions } from './menu';

const KEY: Record<string, string> = {
  'smalltalk.greeting': 'smalltalk.greeting',
  'smalltalk.thanks': 'smalltalk.thanks',
  'smalltalk.goodbye': 'smalltalk.goodbye',
  oos: 'smalltalk.oos',
};

export async function handleSmalltalk(context: TurnContext, services: BotServices, intent: string): Promise<void> {
  const { locale } = turnInfo(context);
  const withMenu = intent !== 'smalltalk.goodbye';
  await reply(context, services.responses.text(locale, KEY[intent] ?? 'smalltalk.oos'), locale, {
    actions: withMenu ? menuActions(services.responses, locale) : [],
  });
}
