/**
 * Migration 5 of the embedded store (issue 13): one index per conversation instead of three, no
 * index that only cost writes, and no trigger per inserted row. Activities stored before it are still found by every query the
 * dropped indexes served (replies to a message, text search, a conversation's last text, intent
 * search, replay of unanswered messages), zh and en, and so are activities stored after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChatActivity } from '../../src/core/conversation';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { MIGRATIONS } from '../../src/storage/embedded/migrations';

const T0 = '2026-12-01T08:00:00.000Z';
const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

function message(conversationId: string, id: string, role: 'user' | 'bot', text: string, timestamp: string, extra: Partial<ChatActivity> = {}): ChatActivity {
  return { type: 'message', id, conversationId, timestamp, from: { id: role === 'user' ? 'shopper' : 'kefu', role }, text, ...extra } as ChatActivity;
}

/** A database at version 4 holding one answered turn per conversation. */
function databaseAtVersion4(dir: string): void {
  const db = new Database(path.join(dir, 'kefu.db'));
  for (const sql of MIGRATIONS.slice(0, 4)) db.exec(sql);
  db.pragma('user_version = 4');
  const conversation = db.prepare(
    `INSERT INTO conversations (id, channel, customer_id, locale, handoff, created_at, updated_at) VALUES (?, 'socketio', NULL, ?, 0, ?, ?)`,
  );
  const activity = db.prepare('INSERT INTO activities (conversation_id, id, reply_to_id, type, role, at, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const turns = [
    { id: 'zh', locale: 'zh', ask: '我的快递到哪了', answer: '您的订单已发货', intent: 'order.status' },
    { id: 'en', locale: 'en', ask: 'Where is my PARCEL?', answer: 'Your order has shipped', intent: 'order.status' },
  ];
  turns.forEach((t, i) => {
    conversation.run(t.id, t.locale, at(i), at(i));
    const ask = message(t.id, `${t.id}-1`, 'user', t.ask, at(i));
    const answer = message(t.id, `${t.id}-2`, 'bot', t.answer, at(i), { replyToId: `${t.id}-1`, channelData: { intent: { name: t.intent, score: 0.9 } } });
    for (const a of [ask, answer]) activity.run(t.id, a.id, a.replyToId ?? null, a.type, a.from.role, a.timestamp, JSON.stringify(a));
  });
  db.close();
}

describe('embedded store migration 5 (one index per conversation)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-migration5-'));
  databaseAtVersion4(dir);
  const stores = openEmbeddedStores(dir);
  afterAll(() => stores.close());

  it('should find the replies to a message stored before it (zh, en)', async () => {
    expect((await stores.transcripts.repliesTo('zh', 'zh-1')).map((a) => a.text)).toEqual(['您的订单已发货']);
    expect((await stores.transcripts.repliesTo('en', 'en-1')).map((a) => a.text)).toEqual(['Your order has shipped']);
    expect(await stores.transcripts.repliesTo('en', 'zh-1')).toEqual([]);
  });

  it('should search the text and intents of activities stored before it, with each last text', async () => {
    expect((await stores.search.search({ text: '快递' })).items.map((i) => i.conversation.id)).toEqual(['zh']);
    expect((await stores.search.search({ text: 'parcel' })).items.map((i) => i.conversation.id)).toEqual(['en']);
    const all = await stores.search.search({ intent: 'order.status' });
    expect(all.items.map((i) => [i.conversation.id, i.lastText, i.intents])).toEqual([
      ['en', 'Your order has shipped', ['order.status']],
      ['zh', '您的订单已发货', ['order.status']],
    ]);
  });

  it('should keep the new index up to date for activities stored after it', async () => {
    expect((await stores.search.search({})).items.map((i) => i.conversation.id)).toEqual(['en', 'zh']);
    const ask = message('zh', 'zh-3', 'user', '可以开发票吗', at(10));
    await stores.transcripts.append(ask);
    // The conversation's last activity moved (the store does it; the trigger that did is gone): it is listed first.
    expect((await stores.search.search({})).items.map((i) => [i.conversation.id, i.lastActivityAt])).toEqual([
      ['zh', at(10)],
      ['en', at(1)],
    ]);
    expect((await stores.search.search({ text: '发票' })).items.map((i) => [i.conversation.id, i.lastText])).toEqual([['zh', '可以开发票吗']]);
    // Not answered yet: replay after a crash finds it; once answered, it does not.
    expect((await stores.transcripts.unanswered(T0, 10)).map((u) => u.activity.id)).toEqual(['zh-3']);
    await stores.transcripts.append(message('zh', 'zh-4', 'bot', '可以，在订单页申请', at(10), { replyToId: 'zh-3' }));
    expect(await stores.transcripts.unanswered(T0, 10)).toEqual([]);
    expect((await stores.transcripts.repliesTo('zh', 'zh-3')).map((a) => a.id)).toEqual(['zh-4']);
  });

  it('should read replies and text from the one conversation index', () => {
    const db = new Database(path.join(dir, 'kefu.db'), { readonly: true });
    try {
      const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'activities' AND sql IS NOT NULL`).all() as { name: string }[])
        .map((r) => r.name)
        .sort();
      expect(indexes).toEqual(['activities_bot_at', 'activities_bot_intent', 'activities_conversation', 'activities_human', 'activities_raw_until', 'activities_user_at']);
      const plan = (sql: string, ...params: string[]): string =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan('SELECT json FROM activities WHERE conversation_id = ? AND reply_to_id = ?', 'zh', 'zh-1')).toContain('activities_conversation');
      expect(plan(`SELECT 1 FROM activities a WHERE a.conversation_id = ? AND a.type = 'message' AND json_extract(a.json, '$.text') LIKE ?`, 'zh', '%快递%')).toContain(
        'COVERING INDEX activities_conversation',
      );
    } finally {
      db.close();
    }
  });
});
