/**
 * @module storage/mongoose/mongoose-handoff-queue
 * The queue entry and the conversation's `handoff` flag change in one transaction. Listed by
 * priority (angry shoppers first), then oldest first.
 */
import type { Connection } from 'mongoose';
import { HANDOFF_PRIORITY, type HandoffEntry, type HandoffQueue } from '../../core/conversation';
import { inTransaction } from './connection';
import type { HandoffDoc, KefuModels } from './models';

export class MongooseHandoffQueue implements HandoffQueue {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
  ) {}

  async enqueue(conversationId: string, reason: string, options: { priority?: number } = {}): Promise<void> {
    const now = new Date().toISOString();
    const priority = Number(options.priority ?? HANDOFF_PRIORITY.normal);
    await inTransaction(this.conn, async (session) => {
      // Queued once: a second enqueue keeps the first reason and time, and may only raise the priority.
      await this.m.Handoffs.updateOne(
        { _id: String(conversationId) },
        { $setOnInsert: { reason: String(reason), queuedAt: now }, $max: { priority } },
        { session, upsert: true },
      );
      await this.m.Conversations.updateOne({ _id: String(conversationId) }, { $set: { handoff: true, updatedAt: now } }, { session });
    });
  }

  async release(conversationId: string): Promise<void> {
    const now = new Date().toISOString();
    await inTransaction(this.conn, async (session) => {
      await this.m.Handoffs.deleteOne({ _id: String(conversationId) }, { session });
      await this.m.Conversations.updateOne({ _id: String(conversationId) }, { $set: { handoff: false, updatedAt: now } }, { session });
    });
  }

  async list(): Promise<HandoffEntry[]> {
    const docs = await this.m.Handoffs.find({}).sort({ priority: -1, queuedAt: 1, _id: 1 }).lean<HandoffDoc[]>();
    return docs.map((d) => ({ conversationId: d._id, reason: d.reason, queuedAt: d.queuedAt, priority: d.priority ?? HANDOFF_PRIORITY.normal }));
  }
}
