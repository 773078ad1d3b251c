/**
 * @module test/helpers/shop-fixture
 * Reads the demo shop from `shops/demo/knowledge/` so tests pick their orders and customers from the data
 * instead of hard-coding them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Customer, Faq, Order, Product } from '../../src/core/shop';

const dir = path.join(__dirname, '..', '..', 'shops', 'demo', 'knowledge');
const read = <T>(name: string): T[] => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T[];

export const shop = {
  products: read<Product>('products.json'),
  customers: read<Customer>('customers.json'),
  orders: read<Order>('orders.json'),
  faq: read<Faq>('faq.json'),
};

export function customerOf(order: Order): Customer {
  return shop.customers.find((c) => c.id === order.customerId)!;
}

/** An order in one of `statuses` whose customer has a phone (for the last-four answer). */
export function orderWith(statuses: Order['status'][], skip = 0): Order {
  const found = shop.orders.filter((o) => statuses.includes(o.status) && customerOf(o)?.phone);
  if (found.length <= skip) throw new Error(`demo shop has no order in ${statuses.join('/')}`);
  return found[skip];
}

export function lastFour(customer: Customer): string {
  return (customer.phone ?? '').replace(/\D/g, '').slice(-4);
}

/** Four digits that are not the customer's. */
export function wrongFour(customer: Customer): string {
  const right = lastFour(customer);
  return right === '0000' ? '1111' : '0000';
}
