/**
 * @module dialogs/intent-router
 * Routing is a table: the intent's answer is looked up in the domain (`domain.json`), the answer's
 * kind picks its handler (`dialogs/answers`). An intent the domain does not have is answered as
 * `oos`. `oneShot` answers without starting a flow (used when the shopper asks something in the
 * middle of another flow, which then resumes).
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotServices } from './turn/bot-services';
import { setHandledIntent } from './turn/turn-info';
import { answerIntent, type RouteOptions } from './answers';
import { askToClarify } from './clarify-intent';

export type { RouteOptions } from './answers';

export async function routeIntent(dc: DialogContext, services: BotServices, intent: string, options: RouteOptions = {}): Promise<void> {
  if (options.clarify && !dc.activeDialog && (await askToClarify(dc, services))) return;
  setHandledIntent(dc.context, intent, options.score ?? 1);
  const entry = services.domain.intents[intent] ?? services.domain.intents.oos;
  await answerIntent(dc, services, intent, entry.answer, options);
}
