/**
 * Transcript → turns: shopper messages with their replies, agent messages on their own, paging
 * from the newest turn backwards — against the real embedded transcript store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatActivity } from '../../src/core/conversation';
import { groupTurns, readTurns } from '../../src/staff/conversation-turns';
import { openEmbeddedStores } from '../../src/storage/embedded';
import type { Stores } from '../../src/core/stores';

let n = 0;
const at = () => new Date(Date.UTC(2026, 10, 1, 8, 0, n)).toISOString();
function user(conversationId: string, text: string): ChatActivity {
  return { type: 'message', id: `u${++n}`, timestamp: at(), conversationId, from: { id: 'shopper', role: 'user' }, text };
}
function bot(conversationId: string, to: ChatActivity, text: string, intent: string, score: number): ChatActivity {
  return {
    type: 'message',
    id: `b${++n}`,
    timestamp: at(),
    conversationId,
    from: { id: 'kefu-bot', role: 'bot' },
    replyToId: to.id,
    text,
    channelData: { intent: { name: intent, score }, entities: [{ type: 'brand', value: 'Sony', start: 0, end: 4 }] },
  };
}
function agent(conversationId: string, text: string): ChatActivity {
  return { type: 'message', id: `a${++n}`, timestamp: at(), conversationId, from: { id: 's1', role: 'agent', name: '客服小李' }, text };
}

describe('groupTurns', () => {
  it('should group replies under their shopper message with intent, score and entities', () => {
    const q1 = user('c', 'Sony 耳机有货吗');
    const q2 = user('c', 'thanks');
    const turns = groupTurns([q1, bot('c', q1, '有货', 'product.stock', 0.93), bot('c', q1, '还有别的吗', 'product.stock', 0.93), agent('c', '我来帮您'), q2, bot('c', q2, 'You are welcome', 'smalltalk.thanks', 0.88)]);
    expect(turns.map((t) => [t.role, t.activity.text, t.replies.length, t.intent?.name])).toEqual([
      ['user', 'Sony 耳机有货吗', 2, 'product.stock'],
      ['agent', '我来帮您', 0, undefined],
      ['user', 'thanks', 1, 'smalltalk.thanks'],
    ]);
    expect(turns[0].intent).toEqual({ name: 'product.stock', score: 0.93 });
    expect(turns[0].entities).toEqual([{ type: 'brand', value: 'Sony', start: 0, end: 4 }]);
  });

  it('should make a bot message without its shopper message a turn of its own', () => {
    const q = user('c', 'hi');
    const turns = groupTurns([bot('c', q, 'hello', 'smalltalk.greeting', 1)]);
    expect(turns).toHaveLength(1);
    expect(turns[0].role).toBe('bot');
  });
});

describe('readTurns', () => {
  let dir: string;
  let stores: Stores;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-turns-'));
    stores = await openEmbeddedStores(dir);
  });
  afterAll(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should page 130 turns (260 activities) newest first without losing or repeating one', async () => {
    const conv = await stores.conversations.create({ id: 'long', channel: 'socketio', customerId: null, locale: 'zh' });
    for (let i = 0; i < 130; i++) {
      const q = user(conv.id, `问题 ${i}`);
      await stores.transcripts.append(q);
      await stores.transcripts.append(bot(conv.id, q, `回答 ${i}`, 'faq', 0.5));
    }
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    do {
      const page = await readTurns(stores.transcripts, conv.id, { before, limit: 50 });
      expect(page.turns.length).toBeLessThanOrEqual(50);
      for (const t of page.turns) expect(t.replies).toHaveLength(1);
      seen.unshift(...page.turns.map((t) => t.activity.text as string));
      before = page.before;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 130 }, (_, i) => `问题 ${i}`));
  });

  it('should answer no turns for an unknown conversation or cursor', async () => {
    expect(await readTurns(stores.transcripts, 'nope', { limit: 20 })).toEqual({ turns: [] });
    expect((await readTurns(stores.transcripts, 'long', { before: 'no-such-id', limit: 20 })).turns).toEqual([]);
  });
});
