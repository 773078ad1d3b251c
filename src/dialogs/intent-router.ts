/**
 * @module dialogs/intent-router
 * Which flow handles which intent. `oneShot` answers without starting a flow (used when the
 * shopper asks something in the middle of another flow, which then resumes).
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotServices } from '../bot/bot-services';
import { setHandledIntent } from '../bot/turn-info';
import { askToClarify } from './clarify-intent';
import { handleFaq } from './faq-handler';
import { handleHandoff } from './handoff-handler';
import { ORDER_FLOW_DIALOG, type OrderAction } from './order/order-flow-dialog';
import { orderIdFrom } from './order/order-text';
import { handleProductQuestion } from './product-info-handler';
import { handleRecommend, type Refinement } from './recommend-handler';
import { handleReturnOrRefund } from './return-refund-handler';
import { handleSmalltalk } from './smalltalk-handler';
import { turnInfo } from '../bot/turn-info';

export const ORDER_ACTIONS: Record<string, OrderAction> = {
  'order.status': 'status',
  'order.cancel': 'cancel',
  'order.change_address': 'change_address',
};

/** Intents that start a flow of their own (they replace a flow in progress). */
export const FLOW_INTENTS = new Set(['order.status', 'order.cancel', 'order.change_address', 'agent.handoff', 'complaint']);

/** A product match this strong means the message names that product (see ProductMatcher's scale). */
const PRODUCT_NAMED_SCORE = 0.5;

export interface RouteOptions {
  score?: number;
  orderId?: string;
  oneShot?: boolean;
  refinement?: Refinement;
  /**
   * May ask "this or that?" first when the message is a close call between two intents (only for
   * a typed message outside any flow: never where a flow waits for an answer).
   */
  clarify?: boolean;
}

export async function routeIntent(dc: DialogContext, services: BotServices, intent: string, options: RouteOptions = {}): Promise<void> {
  if (options.clarify && !dc.activeDialog && (await askToClarify(dc, services))) return;
  setHandledIntent(dc.context, intent, options.score ?? 1);
  const info = turnInfo(dc.context);
  switch (intent) {
    case 'order.status':
    case 'order.cancel':
    case 'order.change_address': {
      // Acting on "it" ("cancel it", "改一下地址") means the order just shown, if any; a status
      // question without a number may be about another order, so it asks.
      const shown = intent === 'order.status' ? undefined : (await services.memory.get(dc.context, {})).lastOrderId;
      await dc.beginDialog(ORDER_FLOW_DIALOG, {
        action: ORDER_ACTIONS[intent],
        orderId: options.orderId ?? orderIdFrom(info.text, info.recognition, undefined, services.orderIds) ?? shown,
      });
      return;
    }
    case 'return.request':
    case 'refund.status':
      await handleReturnOrRefund(dc, services, intent, { orderId: options.orderId, oneShot: options.oneShot });
      return;
    case 'product.recommend':
      await handleRecommend(dc.context, services, options.refinement);
      return;
    case 'product.info':
    case 'product.stock':
      await handleProductQuestion(dc.context, services, intent);
      return;
    case 'shipping.info':
    case 'payment.info':
    case 'invoice.request':
    case 'promo.info':
    case 'account.help':
      await handleFaq(dc.context, services, intent);
      return;
    case 'agent.handoff':
    case 'complaint':
      await dc.cancelAllDialogs();
      await handleHandoff(dc.context, services, intent);
      return;
    case 'smalltalk.greeting':
    case 'smalltalk.thanks':
    case 'smalltalk.goodbye':
      await handleSmalltalk(dc.context, services, intent);
      return;
    default: {
      // Out of scope for the classifier, but naming a product of the catalogue: a question about
      // it ("三体怎么样"), whatever the wording the intent corpus happened to have.
      const match = info.text.trim() ? services.matcher.best(info.text, info.locale) : null;
      if (match && match.score >= PRODUCT_NAMED_SCORE) {
        setHandledIntent(dc.context, 'product.info', match.score);
        await handleProductQuestion(dc.context, services, 'product.info');
        return;
      }
      setHandledIntent(dc.context, 'oos', options.score ?? 1);
      await handleSmalltalk(dc.context, services, 'oos');
    }
  }
}
