/**
 * @module storage/mongoose/mongoose-order-repository
 * Orders read live. A change is a conditional `findOneAndUpdate` on `{_id, rev, status ∈ allowed}`
 * and its action-log entry is written in the same transaction: two staff members or two
 * shoppers' turns cancelling at once give one cancellation, never two.
 */
import type { Connection } from 'mongoose';
import { applyOrderChange, type OrderChange, type OrderRepository } from '../../core/orders';
import type { Customer, Order } from '../../core/shop';
import { inTransaction, trusted } from './connection';
import type { JsonDoc, KefuModels, OrderDoc } from './models';

export class MongooseOrderRepository implements OrderRepository {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
  ) {}

  async sampleIds(limit: number): Promise<string[]> {
    const docs = await this.m.Orders.find({}, { _id: 1 }).sort({ createdAt: -1 }).limit(limit).lean<{ _id: string }[]>();
    return docs.map((d) => d._id);
  }

  async getOrder(id: string): Promise<Order | null> {
    const doc = await this.m.Orders.findOne({ _id: String(id) }, { json: 1 }).lean<OrderDoc>();
    return doc ? (JSON.parse(doc.json) as Order) : null;
  }

  async listByCustomer(customerId: string, limit: number): Promise<Order[]> {
    const docs = await this.m.Orders.find({ customerId: String(customerId) }, { json: 1 })
      .sort({ createdAt: -1 })
      .limit(Math.max(1, Math.min(100, Math.floor(limit))))
      .lean<OrderDoc[]>();
    return docs.map((d) => JSON.parse(d.json) as Order);
  }

  async getCustomer(id: string): Promise<Customer | null> {
    const doc = await this.m.Customers.findOne({ _id: String(id) }).lean<JsonDoc>();
    return doc ? (JSON.parse(doc.json) as Customer) : null;
  }

  async change(change: OrderChange): Promise<Order | null> {
    return inTransaction(this.conn, async (session) => {
      const current = await this.m.Orders.findOne({ _id: String(change.orderId) }, null, { session }).lean<OrderDoc>();
      if (!current) return null;
      const order = JSON.parse(current.json) as Order;
      if (!change.fromStatuses.includes(order.status)) return null;
      const now = new Date().toISOString();
      const updated = applyOrderChange(order, change, now);
      const written = await this.m.Orders.findOneAndUpdate(
        { _id: current._id, rev: current.rev, status: trusted({ $in: change.fromStatuses.map(String) }) },
        { $set: { status: updated.status, json: JSON.stringify(updated) }, $inc: { rev: 1 } },
        { session, returnDocument: 'after' },
      ).lean();
      if (!written) return null; // changed meanwhile: the caller reads it again
      await this.m.OrderActions.create(
        [
          {
            orderId: order.id,
            kind: change.action.kind,
            actor: change.action.actor,
            conversationId: change.action.conversationId ?? null,
            fromStatus: order.status,
            detail: JSON.stringify({ status: change.status, address: change.address }),
            at: now,
          },
        ],
        { session },
      );
      return updated;
    });
  }
}
