import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyRetention } from '../../../src/privacy/retention';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

describe('applyRetention', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-retention-'));
    stores = openEmbeddedStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should delete conversations idle for N days with their transcript, state, handoff and feedback', async () => {
    for (const id of ['old', 'recent']) {
      await stores.conversations.create({ id, channel: 'socketio', customerId: null, locale: 'zh' });
      await stores.state.write({ [`socketio/conversations/${id}/`]: { n: 1 } });
      await stores.handoffs.enqueue(id, 'agent');
      await stores.feedback.record({ conversationId: id, activityId: 'b', rating: 'up' });
    }
    await stores.transcripts.append({ type: 'message', id: 'a', conversationId: 'old', timestamp: '2026-01-01T00:00:00.000Z', from: { id: 'u', role: 'user' }, text: '你好' });
    await stores.transcripts.append({ type: 'message', id: 'a', conversationId: 'recent', timestamp: '2026-03-30T00:00:00.000Z', from: { id: 'u', role: 'user' }, text: 'hi' });
    // Both conversation rows were created "now"; pretend it is much later.
    const later = new Date(Date.now() + 30 * 86400000);
    const result = await applyRetention(stores, 30 + 1, later);
    expect(result.conversationsDeleted).toBe(0); // created today + 30 days < 31 days ago: nothing idle yet

    const muchLater = new Date(Date.now() + 400 * 86400000);
    const db = (stores.transcripts as unknown as { db: { statement(s: string): { run(...a: unknown[]): unknown } } }).db;
    db.statement("UPDATE activities SET at = ? WHERE conversation_id = 'recent'").run(new Date(muchLater.getTime() - 86400000).toISOString());
    expect((await applyRetention(stores, 30, muchLater)).conversationsDeleted).toBe(1);
    expect(await stores.conversations.get('old')).toBeNull();
    expect(await stores.transcripts.list('old')).toEqual([]);
    expect(await stores.state.read(['socketio/conversations/old/'])).toEqual({});
    expect((await stores.handoffs.list()).map((h) => h.conversationId)).toEqual(['recent']);
    expect(await stores.conversations.get('recent')).not.toBeNull();
    expect(await stores.transcripts.list('recent')).toHaveLength(1);
  });

  it('should keep everything when the retention is 0', async () => {
    await stores.conversations.create({ id: 'x', channel: 'socketio', customerId: null, locale: null });
    expect(await applyRetention(stores, 0, new Date(Date.now() + 1e12))).toMatchObject({ conversationsDeleted: 0 });
    expect(await stores.conversations.get('x')).not.toBeNull();
  });
});
