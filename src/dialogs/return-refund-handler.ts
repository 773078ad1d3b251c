/**
 * @module dialogs/return-refund-handler
 * The `returnOrRefund` skill (`return.request`, `refund.status`): the shop's policy from its FAQ
 * (the intent's `faqTag`), plus what applies to the shopper's order (through the order flow, with
 * its verification) when there is one to look at.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { BotServices } from './turn/bot-services';
import { postbacks } from './turn/postback';
import { reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { faqCard, faqLeadIn, findFaq } from './faq-handler';
import { ORDER_FLOW_DIALOG, type OrderAction } from './order/order-flow-dialog';
import { orderIdFrom } from './order/order-text';

export async function handleReturnOrRefund(
  dc: DialogContext,
  services: BotServices,
  intent: string,
  options: { action: Extract<OrderAction, 'return' | 'refund'>; orderId?: string; oneShot?: boolean },
): Promise<void> {
  const info = turnInfo(dc.context);
  const { locale } = info;
  const { action } = options;
  const orderId = options.orderId ?? orderIdFrom(info.text, info.recognition, undefined, services.orderIds);
  const faq = findFaq(services, info.text, locale, intent) ?? findFaq(services, '', locale, intent);
  const lookAtOrder = !options.oneShot && (orderId !== undefined || info.customerId !== null);
  if (faq) {
    await reply(dc.context, faqLeadIn(services, locale), locale, {
      attachments: [faqCard(faq, locale)],
      actions: lookAtOrder ? [] : [{ title: services.responses.text(locale, `policy.check_${action}`), value: postbacks.intent(intent, 'ASK') }],
    });
  }
  if (lookAtOrder) {
    await dc.beginDialog(ORDER_FLOW_DIALOG, { action, orderId });
  } else if (!faq) {
    await dc.beginDialog(ORDER_FLOW_DIALOG, { action });
  }
}
