/**
 * @module http/demo-orders-route
 * `GET /api/v1/demo-orders`: the demo shop's sample orders and the verification answer the bot will
 * ask a guest for (the last four digits of the customer's phone), for the demo page's "try these
 * orders" card. Public, so it can never show a real customer's order:
 * - it answers only while the loaded shop is the built-in demo shop (`shops/demo`, the default when
 *   `KEFU_SHOP_DIR` is unset); any other shop gets an empty list;
 * - it shows only the orders designated below (sample data of that shop), and each only when the
 *   store holds it for the designated sample customer (a shop imported over the demo data whose
 *   order numbers happen to match shows nothing).
 * Status and digits are read from the store on each request, so they match what the bot checks.
 * @example { "orders": [{ "id": "DD20261126033", "status": "shipped", "phoneLast4": "8000" }] }
 */
import type { KefuConfig } from '../config';
import type { OrderRepository } from '../core/orders';
import { DEMO_SHOP_DIR, shopContent } from '../shop-folder/shop-content';
import { sendJson } from './respond';
import type { Route } from './router';

export const DEMO_ORDERS_PATH = '/api/v1/demo-orders';

/** The demo shop's designated sample orders: one on its way, one still cancellable (zh), one on its way (en). */
export const DEMO_SAMPLE_ORDERS: readonly { orderId: string; customerId: string }[] = [
  { orderId: 'DD20261126033', customerId: 'C001' },
  { orderId: 'DD20261128030', customerId: 'C001' },
  { orderId: 'DD20261127039', customerId: 'C010' },
];

export interface DemoOrder {
  id: string;
  status: string;
  phoneLast4: string;
}

/** The sample orders the store holds for their sample customers, with the digits the bot will ask for. */
export async function demoOrders(orders: OrderRepository): Promise<DemoOrder[]> {
  const shown: DemoOrder[] = [];
  for (const sample of DEMO_SAMPLE_ORDERS) {
    const order = await orders.getOrder(sample.orderId);
    if (!order || order.customerId !== sample.customerId) continue;
    const digits = ((await orders.getCustomer(order.customerId))?.phone ?? '').replace(/\D/g, '');
    if (digits.length >= 4) shown.push({ id: order.id, status: order.status, phoneLast4: digits.slice(-4) });
  }
  return shown;
}

export function demoOrdersRoute(config: KefuConfig, orders: OrderRepository): Route {
  const isDemoShop = shopContent(config).shopDir === DEMO_SHOP_DIR;
  return {
    method: 'GET',
    path: DEMO_ORDERS_PATH,
    handle: async ({ res }) => {
      sendJson(res, 200, { orders: isDemoShop ? await demoOrders(orders) : [] });
    },
  };
}
