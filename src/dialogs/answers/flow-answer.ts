/**
 * @module dialogs/answers/flow-answer
 * `{"kind": "flow", "flow": "order", "action": …}`: starts the order flow. Acting on "it"
 * ("cancel it", "改一下地址") means the order just shown, if any; a status question without a
 * number may be about another order, so it asks.
 */
import type { FlowAnswer } from '../../domain/types';
import { turnInfo } from '../turn/turn-info';
import { ORDER_FLOW_DIALOG } from '../order/order-flow-dialog';
import { orderIdFrom } from '../order/order-text';
import type { AnswerHandler } from './answer-handler';

export const answerWithFlow: AnswerHandler<FlowAnswer> = async (dc, services, _intent, answer, options) => {
  const info = turnInfo(dc.context);
  const shown = answer.action === 'status' ? undefined : (await services.memory.get(dc.context, {})).lastOrderId;
  await dc.beginDialog(ORDER_FLOW_DIALOG, {
    action: answer.action,
    orderId: options.orderId ?? orderIdFrom(info.text, info.recognition, undefined, services.orderIds) ?? shown,
  });
};
