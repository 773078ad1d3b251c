/**
 * @module core/orders
 * The order side of the shop, read and changed live (orders change while the bot runs).
 */
import type { Customer, Order, OrderStatus } from './shop';

/** A change to an order, applied only if the order is still in one of `fromStatuses`. */
export interface OrderChange {
  orderId: string;
  fromStatuses: OrderStatus[];
  status?: OrderStatus;
  address?: string;
  /** What is recorded in the order's action log: who and why. */
  action: { kind: 'cancel' | 'change_address'; actor: string; conversationId?: string };
}

export interface OrderRepository {
  getOrder(id: string): Promise<Order | null>;
  listByCustomer(customerId: string, limit: number): Promise<Order[]>;
  getCustomer(id: string): Promise<Customer | null>;
  /** Conditional update: null when the order is missing or no longer in an allowed status. */
  change(change: OrderChange): Promise<Order | null>;
  /** Some of the shop's order ids (their shape teaches the bot what an order number looks like). */
  sampleIds(limit: number): Promise<string[]>;
}

/** The order after `change` (pure: every adapter writes exactly this). */
export function applyOrderChange(order: Order, change: OrderChange, now: string): Order {
  return {
    ...order,
    status: change.status ?? order.status,
    updatedAt: now,
    ...(change.address !== undefined ? { shipping: { ...order.shipping, address: change.address } } : {}),
  };
}
