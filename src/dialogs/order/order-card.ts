/**
 * @module dialogs/order/order-card
 * The protocol's order card (`application/vnd.kefu.order+json`) for an order. Its `statusLabel` is
 * the status's one name (`order.label_<status>` in `dialogs/order.json`), the words the bot's own
 * texts use, so a widget shows no status names of its own.
 */
import type { ChatActivity } from '../../core/conversation';
import { localize, type Locale, type Order, type Product } from '../../core/shop';
import { ContentTypes } from '../turn/reply';
import type { Responses } from '../../domain/responses';

/** Where a status's name is looked up: the shop's responses. */
export type StatusLabels = Pick<Responses, 'has' | 'text'>;

/** `{statusLabel}` for a status the responses name, else nothing. */
function statusLabelOf(status: unknown, locale: Locale, labels: StatusLabels): { statusLabel?: string } {
  const key = `order.label_${String(status)}`;
  return typeof status === 'string' && labels.has(key) ? { statusLabel: labels.text(locale, key) } : {};
}

/** @param labels name the status in the card (`statusLabel`) */
export function orderCard(order: Order, products: ReadonlyMap<string, Product>, locale: Locale, labels?: StatusLabels) {
  const events = order.shipping?.events ?? [];
  const last = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  const total =
    order.total ?? order.items.reduce((sum, i) => sum + (i.unitPrice ?? products.get(i.productId)?.price ?? 0) * i.quantity, 0);
  const content = {
    orderId: order.id,
    status: order.status,
    ...(labels ? statusLabelOf(order.status, locale, labels) : {}),
    items: order.items.map((i) => ({
      productId: i.productId,
      title: localize(products.get(i.productId)?.title, locale) || i.productId,
      quantity: i.quantity,
    })),
    total: Math.round(total * 100) / 100,
    currency: order.currency ?? products.get(order.items[0]?.productId)?.currency ?? 'CNY',
    ...(order.shipping?.carrier ? { carrier: order.shipping.carrier } : {}),
    ...(order.shipping?.trackingNumber ? { trackingNumber: order.shipping.trackingNumber } : {}),
    ...(order.shipping?.estimatedDelivery ? { estimatedDelivery: order.shipping.estimatedDelivery } : {}),
    ...(last ? { lastEvent: { at: last.at, description: localize(last.description, locale) } } : {}),
  };
  return { contentType: ContentTypes.order, content };
}

/**
 * `activity` with a `statusLabel` in each of its order cards that has none (a card stored before
 * cards named their status, or built without labels), in the activity's language; the same
 * object when there is nothing to add.
 */
export function withStatusLabels(activity: ChatActivity, fallbackLocale: Locale | null, labels: StatusLabels): ChatActivity {
  const locale = activity.locale ?? fallbackLocale;
  const unnamed = (a: { contentType: string; content: Record<string, unknown> }) => a.contentType === ContentTypes.order && a.content.statusLabel === undefined;
  if (!locale || !activity.attachments?.some(unnamed)) return activity;
  const attachments = activity.attachments.map((a) => (unnamed(a) ? { ...a, content: { ...a.content, ...statusLabelOf(a.content.status, locale, labels) } } : a));
  return { ...activity, attachments };
}

/** "2026-11-03" from an ISO time, in the shop's own offset as written. */
export function dateOf(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
