import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { MIGRATIONS } from '../../src/storage/embedded/migrations';
import { staffStoresContract } from './staff-stores.contract';
import { storesContract } from './stores.contract';

const dataDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-contract-'));
const open = async () => openEmbeddedStores(dataDir());
storesContract('embedded (SQLite)', open);
staffStoresContract('embedded (SQLite)', open);
// The benchmark's baseline, one transaction per write, keeps the same contract.
storesContract('embedded (SQLite), one transaction per write', async () => openEmbeddedStores(dataDir(), { groupCommit: false }));

describe('embedded store migration 3 (staff console)', () => {
  it('should list conversations stored before it, newest activity first', async () => {
    const dir = dataDir();
    const db = new Database(path.join(dir, 'kefu.db'));
    for (const sql of MIGRATIONS.slice(0, 2)) db.exec(sql);
    db.pragma('user_version = 2');
    const conversation = db.prepare(
      `INSERT INTO conversations (id, channel, customer_id, locale, handoff, created_at, updated_at) VALUES (?, 'socketio', NULL, 'zh', 0, ?, ?)`,
    );
    const activity = db.prepare(`INSERT INTO activities (conversation_id, id, type, role, at, json) VALUES (?, ?, 'message', 'user', ?, ?)`);
    for (const [id, at] of [['old', '2026-01-01T00:00:00.000Z'], ['older', '2025-12-01T00:00:00.000Z']]) {
      conversation.run(id, at, at);
      activity.run(id, `${id}-1`, at, JSON.stringify({ type: 'message', id: `${id}-1`, conversationId: id, timestamp: at, from: { id: 'u', role: 'user' }, text: `旧消息 ${id}` }));
    }
    db.close();
    const stores = openEmbeddedStores(dir);
    try {
      const { items } = await stores.search.search({});
      expect(items.map((i) => [i.conversation.id, i.lastActivityAt, i.lastText])).toEqual([
        ['old', '2026-01-01T00:00:00.000Z', '旧消息 old'],
        ['older', '2025-12-01T00:00:00.000Z', '旧消息 older'],
      ]);
      expect((await stores.search.search({ text: '旧消息 OLDER' })).items.map((i) => i.conversation.id)).toEqual(['older']);
    } finally {
      await stores.close();
    }
  });
});
