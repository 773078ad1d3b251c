/**
 * @module dialogs/order/order-card
 * The protocol's order card (`application/vnd.kefu.order+json`) for an order.
 */
import { localize, type Locale, type Order, type Product } from '../../core/shop';
import { ContentTypes } from '../../bot/reply';

export function orderCard(order: Order, products: ReadonlyMap<string, Product>, locale: Locale) {
  const events = order.shipping?.events ?? [];
  const last = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).at(-1);
  const total =
    order.total ?? order.items.reduce((sum, i) => sum + (i.unitPrice ?? products.get(i.productId)?.price ?? 0) * i.quantity, 0);
  const content = {
    orderId: order.id,
    status: order.status,
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

/** "2026-11-03" from an ISO time, in the shop's own offset as written. */
export function dateOf(iso: string | undefined): string {
  return iso ? iso.slice(0, 10) : '';
}
