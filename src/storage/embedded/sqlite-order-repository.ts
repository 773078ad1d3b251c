/**
 * @module storage/embedded/sqlite-order-repository
 * Orders read live; changes are conditional on the current status and logged in `order_actions`
 * in the same transaction.
 */
import { applyOrderChange, type OrderChange, type OrderRepository } from '../../core/orders';
import type { Customer, Order } from '../../core/shop';
import type { SqliteDatabase } from './database';

export class SqliteOrderRepository implements OrderRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async getOrder(id: string): Promise<Order | null> {
    return this.read(id);
  }

  private read(id: string): Order | null {
    const row = this.db.statement('SELECT json FROM orders WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Order) : null;
  }

  async listByCustomer(customerId: string, limit: number): Promise<Order[]> {
    const rows = this.db
      .statement('SELECT json FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT ?')
      .all(customerId, limit) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json) as Order);
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const row = this.db.statement('SELECT json FROM customers WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as Customer) : null;
  }

  async sampleIds(limit: number): Promise<string[]> {
    const rows = this.db.statement('SELECT id FROM orders ORDER BY created_at DESC LIMIT ?').all(limit) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async change(change: OrderChange): Promise<Order | null> {
    // Read and changed in one write: the status checked is the one the change replaces.
    return this.db.write((): Order | null => {
      const order = this.read(change.orderId);
      if (!order || !change.fromStatuses.includes(order.status)) return null;
      const now = new Date().toISOString();
      const updated = applyOrderChange(order, change, now);
      this.db
        .statement('UPDATE orders SET status = ?, json = ? WHERE id = ? AND status = ?')
        .run(updated.status, JSON.stringify(updated), order.id, order.status);
      this.db
        .statement(
          `INSERT INTO order_actions (order_id, kind, actor, conversation_id, from_status, detail, at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          order.id,
          change.action.kind,
          change.action.actor,
          change.action.conversationId ?? null,
          order.status,
          JSON.stringify({ status: change.status, address: change.address }),
          now,
        );
      return updated;
    });
  }
}
