/**
 * @module dialogs/answers/response-answer
 * `{"kind": "response", "text": "ns.key", "buttons": [{"title": "ns.key", "intent": …}]}`: a
 * canned response from `dialogs/` in the shopper's language, with buttons whose titles are
 * response keys too and whose taps send their intent (`intent:<name>` postbacks).
 * @example { "kind": "response", "text": "shop.giftWrap", "buttons": [{ "title": "shop.showOrders", "intent": "order.status" }] }
 */
import type { ResponseAnswer } from '../../domain/types';
import { postbacks } from '../turn/postback';
import { reply } from '../turn/reply';
import { turnInfo } from '../turn/turn-info';
import type { AnswerHandler } from './answer-handler';

export const answerWithResponse: AnswerHandler<ResponseAnswer> = async (dc, services, _intent, answer) => {
  const { locale } = turnInfo(dc.context);
  await reply(dc.context, services.responses.text(locale, answer.text), locale, {
    actions: (answer.buttons ?? []).map((b) => ({ title: services.responses.text(locale, b.title), value: postbacks.intent(b.intent) })),
  });
};
