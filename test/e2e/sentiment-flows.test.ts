/**
 * Sentiment in the product (issue 11), end to end on the real server, in Chinese and English:
 * an angry message is answered with empathy first (whatever its intent; a complaint keeps its
 * own empathy only), every reply records the message's sentiment in `channelData.sentiment`,
 * and a conversation handed off by an angry shopper goes before an earlier calm one in
 * `kefu handoff list` and the staff live queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runHandoff } from '../../src/cli/handoff-command';
import { ChatClient, intentOf, type Turn } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, StaffSocket, waitFor } from '../staff/staff-fixture';
import { commandIo, withEnv } from '../staff/env-scope';

const DIALOGS = path.resolve(__dirname, '..', '..', 'dialogs');
const empathy = JSON.parse(fs.readFileSync(path.join(DIALOGS, 'empathy.json'), 'utf8')) as Record<'zh' | 'en', { opening: string[] }>;
const complaintEmpathy = (JSON.parse(fs.readFileSync(path.join(DIALOGS, 'handoff.json'), 'utf8')) as Record<'zh' | 'en', { complaintEmpathy: string[] }>);

const SAY = {
  zh: {
    calm: '我的订单到哪了',
    angry: '搞什么啊，我的快递到底到哪了？？',
    angryAgain: '气死了，到底什么时候发货？？',
    complaint: '你们的服务太差了，东西收到就是坏的，气死我了',
    handoff: '转人工',
    angryHandoff: '转人工！！你们太垃圾了',
  },
  en: {
    calm: 'Where is my order?',
    angry: 'This is a SCAM, where is my order???',
    angryAgain: 'WTF where is my order??',
    complaint: 'your service is terrible, the item arrived broken and nobody helps',
    handoff: 'I want to talk to a real person',
    angryHandoff: 'I want to talk to a real person NOW, this is ridiculous!!!',
  },
} as const;

type Sentiment = { label: string; score: number; anger: number; angry: boolean };
const sentimentOf = (turn: Turn): Sentiment[] => turn.messages.map((m) => m.channelData?.sentiment as Sentiment);
const openingOf = (locale: 'zh' | 'en', text: string | undefined): string | undefined => empathy[locale].opening.find((e) => text?.startsWith(e));

describe('sentiment in the product', () => {
  let server: TestServer;
  const shoppers: ChatClient[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => shoppers.splice(0).forEach((s) => s.close()));
  afterAll(async () => server.close());

  async function shopper(locale: 'zh' | 'en'): Promise<ChatClient> {
    const c = await ChatClient.connect(server.url, { locale });
    shoppers.push(c);
    return c;
  }

  describe.each(['zh', 'en'] as const)('%s', (locale) => {
    const say = SAY[locale];

    it('should answer an angry message with empathy first, then the answer, and record its sentiment on every reply', async () => {
      const c = await shopper(locale);
      const turn = await c.say(say.angry);
      expect(intentOf(turn)).not.toBe('complaint');
      expect(turn.messages.length).toBeGreaterThan(0);
      const first = turn.messages[0].text;
      const opening = openingOf(locale, first);
      expect(opening).toBeDefined();
      // The normal answer follows the empathy sentence in the same reply.
      expect(first!.length).toBeGreaterThan(opening!.length + 2);
      // Only the first reply opens with it.
      for (const m of turn.messages.slice(1)) expect(openingOf(locale, m.text)).toBeUndefined();
      const recorded = sentimentOf(turn);
      expect(recorded[0]).toEqual({ label: expect.stringMatching(/^(negative|neutral)$/), score: expect.any(Number), anger: expect.any(Number), angry: true });
      expect(recorded[0].anger).toBeGreaterThanOrEqual(0.5);
      expect(recorded.every((s) => JSON.stringify(s) === JSON.stringify(recorded[0]))).toBe(true);
    });

    it('should answer a calm message without empathy, still recording its sentiment', async () => {
      const c = await shopper(locale);
      const turn = await c.say(say.calm);
      expect(openingOf(locale, turn.messages[0]?.text)).toBeUndefined();
      const [recorded] = sentimentOf(turn);
      expect(recorded).toMatchObject({ angry: false });
      expect(recorded.anger).toBeLessThan(0.5);
    });

    it('should not open two angry turns in a row with the same sentence', async () => {
      const c = await shopper(locale);
      const one = openingOf(locale, (await c.say(say.angry)).messages[0]?.text);
      const twoTurn = await c.say(say.angryAgain);
      expect(intentOf(twoTurn)).not.toBe('complaint'); // a complaint hands off: no third answer
      const two = openingOf(locale, twoTurn.messages[0]?.text);
      const three = openingOf(locale, (await c.say(say.angry)).messages[0]?.text);
      expect([one, two, three].every((o) => o !== undefined)).toBe(true);
      expect(two).not.toBe(one);
      expect(three).not.toBe(two);
    });

    it("should give an angry complaint its own empathy only, not a second one", async () => {
      const c = await shopper(locale);
      const turn = await c.say(say.complaint);
      expect(intentOf(turn)).toBe('complaint');
      expect(sentimentOf(turn)[0].angry).toBe(true);
      expect(complaintEmpathy[locale].complaintEmpathy).toContain(turn.messages[0].text);
      expect(turn.messages.filter((m) => openingOf(locale, m.text) !== undefined)).toEqual([]);
    });

    it('should put an angry handoff before an earlier calm one, in kefu handoff list, the staff live queue and /staff updates', async () => {
      const staff = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
      const feed = await StaffSocket.connect(server.url, staff.cookie);
      const calm = await shopper(locale);
      const calmTurn = await calm.say(say.handoff);
      expect(calmTurn.messages[0].channelData?.handoff).toBe(true);
      expect(sentimentOf(calmTurn)[0].angry).toBe(false);
      // Angry a message before, calm when asking: still the front of the queue.
      const lately = await shopper(locale);
      await lately.say(say.angry);
      expect((await lately.say(say.handoff)).messages[0].channelData?.handoff).toBe(true);
      const angry = await shopper(locale);
      const angryTurn = await angry.say(say.angryHandoff);
      expect(angryTurn.messages[0].channelData?.handoff).toBe(true);
      expect(sentimentOf(angryTurn)[0].angry).toBe(true);
      const ids = [calm, lately, angry].map((c) => c.session.conversationId);

      const { io, output } = commandIo();
      const code = await withEnv({ KEFU_DATA_DIR: server.dataDir, MONGODB_URI: undefined, KEFU_QUIET: 'true' }, () => runHandoff(['list'], io));
      expect(code).toBe(0);
      const lines = output().stdout.split('\n').filter((l) => ids.some((id) => l.includes(id)));
      expect(lines.map((l) => ids.findIndex((id) => l.includes(id)))).toEqual([1, 2, 0]);
      expect(lines.map((l) => l.split('  ')[2].trim())).toEqual(['angry', 'angry', 'normal']);

      const live = await staff.get<{ queue: { conversation: { id: string }; priority: number }[] }>('/api/staff/live');
      expect(live.status).toBe(200);
      const queued = live.body.queue.filter((q) => ids.includes(q.conversation.id));
      expect(queued.map((q) => [ids.indexOf(q.conversation.id), q.priority])).toEqual([[1, 1], [2, 1], [0, 0]]);
      // Every angry entry of the whole queue comes before every calm one.
      const priorities = live.body.queue.map((q) => q.priority);
      expect(priorities).toEqual([...priorities].sort((a, b) => b - a));

      // The console hears of each handoff with its priority.
      const heard = (id: string) => waitFor(() => feed.conversations.find((c) => c.conversation.id === id && c.handoff !== null)?.handoff as { priority: number } | undefined);
      try {
        expect((await Promise.all(ids.map(heard))).map((h) => h.priority)).toEqual([0, 1, 1]);
      } finally {
        feed.close();
      }
    });

    it("should show each shopper turn's sentiment to staff", async () => {
      const c = await shopper(locale);
      await c.say(say.calm);
      await c.say(say.angry);
      const staff = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
      const { body } = await staff.get<{ turns: { role: string; sentiment?: Sentiment }[] }>(`/api/staff/conversations/${encodeURIComponent(c.session.conversationId)}/turns`);
      const mine = body.turns.filter((t) => t.role === "user");
      expect(mine.map((t) => t.sentiment?.angry)).toEqual([false, true]);
      expect(mine[1].sentiment!.anger).toBeGreaterThanOrEqual(0.5);
    });
  });
});
