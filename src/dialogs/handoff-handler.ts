/**
 * @module dialogs/handoff-handler
 * A human is asked for, or the shopper complains: queue the conversation for staff with the
 * reason; from then on the bot stays quiet in it until staff release it.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from '../bot/bot-services';
import { reply } from '../bot/reply';
import { turnInfo } from '../bot/turn-info';
import { HANDOFF_KEY } from '../bot/turn-keys';

export async function handleHandoff(context: TurnContext, services: BotServices, intent: string): Promise<void> {
  const { locale, text, conversation } = turnInfo(context);
  const said = text.trim().slice(0, 200);
  await services.handoffs.enqueue(conversation.id, `${intent}${said ? ': ' + said : ''}`);
  context.turnState.set(HANDOFF_KEY, true);
  if (intent === 'complaint') await reply(context, services.responses.text(locale, 'handoff.complaintEmpathy'), locale);
  await reply(context, services.responses.text(locale, 'handoff.queued'), locale);
}
