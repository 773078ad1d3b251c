/**
 * The MongoDB schemas without a server: validation, indexes and filter sanitising.
 */
import mongoose from 'mongoose';
import { createModels } from '../../../src/storage/mongoose/models';

describe('createModels', () => {
  const conn = mongoose.createConnection();
  const m = createModels(conn);
  afterAll(() => conn.close());

  it('should refuse an activity with an unknown role or type', () => {
    const bad = new m.Activities({ conversationId: 'c', activityId: 'a', type: 'shout', role: 'admin', at: 'x', json: '{}' });
    const errors = bad.validateSync()?.errors ?? {};
    expect(Object.keys(errors).sort()).toEqual(['role', 'type']);
  });

  it('should refuse an order with a status the shop does not have', () => {
    const bad = new m.Orders({ _id: 'DD1', customerId: 'c', status: 'lost', createdAt: 'x', json: '{}' });
    expect(Object.keys(bad.validateSync()?.errors ?? {})).toEqual(['status']);
  });

  it('should index activities by conversation and time, unique per conversation and id', () => {
    const indexes = m.Activities.schema.indexes().map(([fields, options]) => [fields, Boolean(options?.unique)]);
    expect(indexes).toEqual(
      expect.arrayContaining([
        [{ conversationId: 1, activityId: 1 }, true],
        [{ conversationId: 1, at: 1 }, false],
      ]),
    );
    expect(m.Conversations.schema.indexes().map(([f]) => f)).toContainEqual({ customerId: 1 });
    expect(m.Orders.schema.indexes().map(([f]) => f)).toContainEqual({ customerId: 1, createdAt: -1 });
  });

  it('should turn a query operator in user input into a plain value', () => {
    const fromShopper = JSON.parse('{"activityId": {"$gt": ""}}') as Record<string, unknown>;
    expect(mongoose.sanitizeFilter({ conversationId: 'c', ...fromShopper })).toEqual({ conversationId: 'c', activityId: { $eq: { $gt: '' } } });
    // kefu's own operators are marked trusted and pass.
    expect(mongoose.sanitizeFilter({ at: mongoose.trusted({ $gte: '2026' }) }).at).toMatchObject({ $gte: '2026' });
  });
});
