/**
 * @module privacy/anonymous-view
 * What a connection that is not signed in may see of a stored or live activity: a bot reply that
 * showed an order (an order card, or `channelData.order` for a reply that repeats order details
 * in its text only) is shown only to a connection currently verified for that order
 * (`order-access`); anyone else gets a placeholder in the reply's language (`privacy.orderHidden`) that names the order
 * and says to verify again, without the card, its text or its buttons. A shopper's verification
 * answer is always shown redacted: its raw copy (`KEFU_RAW_RETENTION_DAYS`) holds the digits.
 */
import type { ChatActivity } from '../core/conversation';
import type { Responses } from '../domain/responses';
import { redactActivity, VERIFICATION_ANSWER } from './redact-activity';

/** The protocol's order card (`bot/reply` `ContentTypes.order`). */
const ORDER_CARD = 'application/vnd.kefu.order+json';

/**
 * The orders an activity shows details of.
 * @example ordersShown(reply) // ['DD20261101008']
 */
export function ordersShown(activity: ChatActivity): string[] {
  const ids = new Set<string>();
  for (const a of activity.attachments ?? []) {
    const orderId = (a.content as { orderId?: unknown } | undefined)?.orderId;
    if (a.contentType === ORDER_CARD && typeof orderId === 'string') ids.add(orderId);
  }
  const marked = activity.channelData?.order;
  if (typeof marked === 'string') ids.add(marked);
  return [...ids];
}

/**
 * The activity as an anonymous connection verified for `verified` (order ids) may see it; the
 * same object when nothing is hidden; `responses` (the shop's texts) word the placeholder.
 * @example anonymousView(reply, [], responses) // {…reply, text: '订单 DD… 的详情已隐藏…', channelData: {…, orderHidden: ['DD…']}}
 */
export function anonymousView(activity: ChatActivity, verified: readonly string[], responses: Responses): ChatActivity {
  if (activity.channelData?.[VERIFICATION_ANSWER] === true) return redactActivity(activity);
  const hidden = ordersShown(activity).filter((id) => !verified.includes(id));
  if (hidden.length === 0) return activity;
  const { attachments, suggestedActions: _actions, ...rest } = activity;
  const kept = (attachments ?? []).filter((a) => a.contentType !== ORDER_CARD);
  const locale = activity.locale ?? responses.locales()[0];
  return {
    ...rest,
    text: responses.text(locale, 'privacy.orderHidden', { orders: hidden.join(', ') }),
    ...(kept.length > 0 ? { attachments: kept } : {}),
    channelData: { ...activity.channelData, orderHidden: hidden },
  };
}
