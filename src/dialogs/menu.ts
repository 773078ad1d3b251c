/**
 * @module dialogs/menu
 * The suggested actions that show what the assistant can do.
 */
import type { Locale } from '../core/shop';
import { postbacks } from './turn/postback';
import type { ActionSpec } from './turn/reply';
import type { Responses } from '../domain/responses';

export function menuActions(responses: Responses, locale: Locale): ActionSpec[] {
  return [
    { title: responses.text(locale, 'common.menuOrder'), value: postbacks.intent('order.status') },
    { title: responses.text(locale, 'common.menuRecommend'), value: postbacks.intent('product.recommend') },
    { title: responses.text(locale, 'common.menuReturn'), value: postbacks.intent('return.request') },
    { title: responses.text(locale, 'common.actionHandoff'), value: postbacks.intent('agent.handoff') },
  ];
}

export function handoffAction(responses: Responses, locale: Locale): ActionSpec {
  return { title: responses.text(locale, 'common.actionHandoff'), value: postbacks.intent('agent.handoff') };
}
