/**
 * Migration 4 of the embedded store (issue 11): handoff entries queued before it are normal
 * priority and keep their order; an angry handoff queued after them goes first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HANDOFF_PRIORITY } from '../../src/core/conversation';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { MIGRATIONS } from '../../src/storage/embedded/migrations';

describe('embedded store migration 4 (handoff priority)', () => {
  it('should keep entries queued before it as normal, behind a later angry one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-migration4-'));
    const db = new Database(path.join(dir, 'kefu.db'));
    for (const sql of MIGRATIONS.slice(0, 3)) db.exec(sql);
    db.pragma('user_version = 3');
    const conversation = db.prepare(
      `INSERT INTO conversations (id, channel, customer_id, locale, handoff, created_at, updated_at) VALUES (?, 'socketio', NULL, 'zh', 1, ?, ?)`,
    );
    const queued = db.prepare('INSERT INTO handoff_queue (conversation_id, reason, queued_at) VALUES (?, ?, ?)');
    for (const [id, at] of [['early', '2026-01-01T00:00:00.000Z'], ['later', '2026-01-01T00:05:00.000Z']]) {
      conversation.run(id, at, at);
      queued.run(id, `agent.handoff: 转人工 ${id}`, at);
    }
    db.close();
    const stores = openEmbeddedStores(dir);
    try {
      expect(await stores.handoffs.list()).toEqual([
        { conversationId: 'early', reason: 'agent.handoff: 转人工 early', queuedAt: '2026-01-01T00:00:00.000Z', priority: HANDOFF_PRIORITY.normal },
        { conversationId: 'later', reason: 'agent.handoff: 转人工 later', queuedAt: '2026-01-01T00:05:00.000Z', priority: HANDOFF_PRIORITY.normal },
      ]);
      await stores.conversations.create({ id: 'angry', channel: 'socketio', customerId: null, locale: 'en' });
      await stores.handoffs.enqueue('angry', 'complaint: this is a SCAM', { priority: HANDOFF_PRIORITY.angry });
      expect((await stores.handoffs.list()).map((e) => e.conversationId)).toEqual(['angry', 'early', 'later']);
    } finally {
      await stores.close();
    }
  });
});
