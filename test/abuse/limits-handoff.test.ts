/**
 * Issue 14, finding 5 (second half): 100 anonymous sockets asking for a human filled the
 * handoff queue from 5 to 105 in under a second. Requests for a human are now counted per
 * client address: past the limit the shopper is told, in their language, that staff cannot
 * take more requests from this network right now, and nothing is queued. Another network is
 * still served.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emit, limitsWith, useLimitServer } from './limits-clients';
import type { ChatActivity } from '../../src/core/conversation';
import type { Socket } from 'socket.io-client';

const ASK = { zh: '转人工', en: 'I want to talk to a human agent' };
const QUEUED = { zh: '已为您转接人工客服', en: "I've passed your conversation to our support team" };
const BUSY = { zh: '暂时无法再接收来自您所在网络的转人工请求', en: "can't take more requests from your network right now" };
// Staff always in: the queued reply below is the in-hours one, whatever the time the test runs.
const hoursDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-limits-hours-'));
const ALWAYS_OPEN = path.join(hoursDir, 'always.json');
fs.writeFileSync(ALWAYS_OPEN, JSON.stringify({
  timeZone: 'UTC',
  zoneName: { zh: '协调世界时', en: 'UTC' },
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  holidays: [],
  minutesPerConversation: 5,
}));
afterAll(() => fs.rmSync(hoursDir, { recursive: true, force: true }));
const SOCKETS = 100;
const HANDOFFS_PER_ADDRESS = 5;

/** Sends `text` and resolves with the texts of the turn's replies. */
function say(socket: Socket, text: string): Promise<{ ok: boolean; code?: string; texts: string[] }> {
  return new Promise((resolve) => {
    const texts: string[] = [];
    let id: string | undefined;
    socket.on('activity', (a: ChatActivity) => {
      if (id === undefined || a.replyToId !== id) return;
      if (a.type === 'message') texts.push(a.text ?? '');
      if (a.type === 'event' && a.name === 'turn.end') resolve({ ok: true, texts });
    });
    void emit(socket, 'message', { text }).then((ack) => {
      if (!ack.ok) resolve({ ok: false, code: ack.error.code, texts });
      else id = ack.id;
    });
  });
}

describe.each(['zh', 'en'] as const)('requests for a human per network (%s)', (lang) => {
  const fx = useLimitServer({
    staffHoursFile: ALWAYS_OPEN,
    limits: limitsWith({ handoffs: { burst: HANDOFFS_PER_ADDRESS, perMinute: 1 }, newConversations: { burst: 1000, perMinute: 60 }, trustProxy: 1 }),
  });

  it('should queue at most the limit from 100 anonymous sockets and tell the others why', async () => {
    const before = (await fx.server.stores.handoffs.list()).length;
    const clients = await Promise.all(Array.from({ length: SOCKETS }, () => fx.mustOpen({ locale: lang }, '198.51.100.7')));
    const turns = await Promise.all(clients.map((c) => say(c.socket, ASK[lang])));

    expect(turns.every((t) => t.ok)).toBe(true);
    const queued = turns.filter((t) => t.texts.some((x) => x.includes(QUEUED[lang])));
    const busy = turns.filter((t) => t.texts.some((x) => x.includes(BUSY[lang])));
    expect(queued.length).toBe(HANDOFFS_PER_ADDRESS);
    expect(busy.length).toBe(SOCKETS - HANDOFFS_PER_ADDRESS);
    expect((await fx.server.stores.handoffs.list()).length - before).toBe(HANDOFFS_PER_ADDRESS);

    // A refused conversation was not handed off: the bot still answers it.
    const refused = clients[turns.findIndex((t) => busy.includes(t))];
    const again = await say(refused.socket, lang === 'zh' ? '运费怎么算' : 'how much is shipping');
    expect(again.texts.length).toBeGreaterThan(0);

    // Another network still gets a human.
    const elsewhere = await fx.mustOpen({ locale: lang }, '203.0.113.20');
    const served = await say(elsewhere.socket, ASK[lang]);
    expect(served.texts.some((x) => x.includes(QUEUED[lang]))).toBe(true);
  });
});

describe('requests for a human with the default limits', () => {
  const fx = useLimitServer({ limits: limitsWith({ trustProxy: 1 }) });

  it('should keep 100 sockets of one address from filling the queue', async () => {
    const clients = await Promise.all(Array.from({ length: SOCKETS }, () => fx.mustOpen({}, '2001:db8:77:1::9')));
    const turns = await Promise.all(clients.map((c, i) => say(c.socket, ASK[i % 2 ? 'zh' : 'en'])));
    const limits = limitsWith({});
    // Refused either as a new conversation (KEFU_RATE_LIMIT ack) or as a request for a human.
    expect((await fx.server.stores.handoffs.list()).length).toBeLessThanOrEqual(limits.handoffs.burst);
    expect(turns.filter((t) => !t.ok).every((t) => t.code === 'KEFU_RATE_LIMIT')).toBe(true);
    expect(turns.filter((t) => !t.ok).length).toBe(SOCKETS - limits.newConversations.burst);
  });
});
