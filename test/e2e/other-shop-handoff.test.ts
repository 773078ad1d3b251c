/**
 * Honest handoff on a second shop (issue 12): "拾页书咖 Page & Bean" (`test/fixtures/other-shop`,
 * imported with the real import into a fresh data directory), served as a shop folder whose own
 * `domain.json` sets its staff hours. In Chinese and English, through the real server: asking for
 * a person after a bookshop question queues the conversation; every message while waiting gets
 * the place in the queue and an estimate from this shop's minutes per conversation; "back to the
 * assistant" leaves the queue and the bot answers about books again; outside this shop's hours
 * the bot names when staff are back and invites a message; an agent joining and leaving is shown,
 * and the bot is quiet while the agent holds the conversation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Product } from '../../src/core/shop';
import { LEAVE_QUEUE } from '../../src/dialogs/handoff-waiting';
import { cardsOf, type ChatClient, intentOf, type Turn } from '../helpers/chat-client';
import { readOtherShop, useOtherShopServer, type OtherShopServer } from '../helpers/other-shop-server';
import type { TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, waitFor } from '../staff/staff-fixture';

const products = readOtherShop<Product>('products.json');
const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** This shop's own estimate per conversation (the built-in one is different). */
const MINUTES = 7;

/** Open every minute of every day, in Beijing time. */
const OPEN = {
  timeZone: 'Asia/Shanghai',
  zoneName: { zh: '北京时间', en: 'China time' },
  weekly: Object.fromEntries(ALL_DAYS.map((d) => [d, [['00:00', '24:00']]])),
  minutesPerConversation: MINUTES,
};
/** Yesterday to the day after tomorrow are holidays: staff are next at work in three days, at 10:00 UTC. */
const today = new Date();
const dayOffset = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n));
const CLOSED = {
  timeZone: 'UTC',
  zoneName: { zh: '协调世界时', en: 'UTC' },
  weekly: Object.fromEntries(ALL_DAYS.map((d) => [d, [['10:00', '18:00']]])),
  holidays: [-1, 0, 1, 2].map((n) => dayOffset(n).toISOString().slice(0, 10)),
  minutesPerConversation: MINUTES,
};
const reopens = dayOffset(3);
const REOPENS = {
  zh: `${reopens.getUTCMonth() + 1}月${reopens.getUTCDate()}日（周${'日一二三四五六'[reopens.getUTCDay()]}）10:00（协调世界时）`,
  en: `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][reopens.getUTCDay()]} ${reopens.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][reopens.getUTCMonth()]} at 10:00 (UTC)`,
};

const CASES = [
  {
    locale: 'zh',
    book: '三体还有货吗',
    handoff: '转人工',
    waiting: '我订的书什么时候能发货',
    again: '还要等多久啊',
    position: (n: number) => `第 ${n} 位`,
    estimate: (m: number) => `约 ${m} 分钟`,
    estimateWord: '估算',
    back: '返回智能助手',
    hours: '每天 0:00–24:00（北京时间）',
    leaveMessage: '留言',
    recommend: '推荐几本100元以内的书',
    agentName: '店员阿书',
    agentText: '您好，我是阿书，三体今天就能发出。',
    joined: '客服 店员阿书 已接入',
    left: '客服 店员阿书 已离开',
  },
  {
    locale: 'en',
    book: 'is the Three-Body Problem trilogy in stock',
    handoff: 'I want to talk to a person',
    waiting: 'when will my books be shipped',
    again: 'how much longer do I have to wait',
    position: (n: number) => `number ${n} in the queue`,
    estimate: (m: number) => `about ${m} min`,
    estimateWord: 'an estimate',
    back: 'Back to the assistant',
    hours: 'daily 0:00–24:00 (China time)',
    leaveMessage: 'leave a message',
    recommend: 'recommend some books under 100 yuan',
    agentName: 'Page',
    agentText: 'Hi, Page here. Your trilogy ships today.',
    joined: 'Page from our team has joined the chat',
    left: 'Page has left the chat',
  },
] as const;
type Case = (typeof CASES)[number];

const backButton = (turn: Turn) => turn.messages.flatMap((m) => m.suggestedActions?.actions ?? []).find((a) => a.value === LEAVE_QUEUE);
const queueOf = (turn: Turn) => turn.messages[0]?.channelData?.queue as { position: number; estimateMinutes?: number; staffOnline: boolean } | undefined;
const isBookshopCard = (card: Record<string, unknown>) => products.some((p) => p.id === card.productId);

/** The other shop served as a shop folder holding only its `domain.json` with these staff hours. */
function useOtherShop(staffHours: Record<string, unknown>): OtherShopServer {
  const shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-other-shop-folder-'));
  fs.writeFileSync(path.join(shopDir, 'domain.json'), JSON.stringify({ staffHours }));
  afterAll(() => fs.rmSync(shopDir, { recursive: true, force: true }));
  return useOtherShopServer({ config: { shopDir } });
}

/** `addStaff` asks for a test server; it only uses the stores. */
const staffServer = (shop: OtherShopServer): TestServer => ({ ...shop.server, dataDir: '' });

/** A bookshop question answered by the bot, then a request for a person: queued. */
async function askThenHandOff(connect: () => Promise<ChatClient>, c: Case): Promise<{ shopper: ChatClient; handoff: Turn }> {
  const shopper = await connect();
  const book = await shopper.say(c.book);
  expect(cardsOf(book, 'product')[0]).toMatchObject({ productId: 'BOOK-02' });
  const handoff = await shopper.say(c.handoff);
  expect(handoff.messages.some((m) => m.channelData?.handoff === true)).toBe(true);
  expect(handoff.messages.map((m) => m.locale)).toEqual(handoff.messages.map(() => c.locale));
  expect(backButton(handoff)?.title).toBe(c.back);
  return { shopper, handoff };
}

describe('honest handoff on another shop, staff at work', () => {
  const shop = useOtherShop(OPEN);
  const connect = () => shop.connect();

  it("should serve this shop's staff hours to the page", async () => {
    const res = await fetch(`${shop.server.url}/api/v1/shop-info`);
    expect(await res.json()).toEqual({
      staffHours: { timeZone: 'Asia/Shanghai', openNow: true, summary: { zh: CASES[0].hours, en: CASES[1].hours }, nextOpening: null },
    });
  });

  it.each(CASES)('should queue, answer with the place and an estimate, and let the shopper back to the bot ($locale)', async (c) => {
    const { shopper: first, handoff } = await askThenHandOff(connect, c);
    expect(handoff.messages[handoff.messages.length - 1].text).toContain(c.hours);
    const firstWait = await first.say(c.waiting);
    expect(firstWait.messages).toHaveLength(1);
    expect(queueOf(firstWait)).toEqual({ position: 1, estimateMinutes: MINUTES, staffOnline: true });
    expect(firstWait.messages[0].text).toContain(c.position(1));
    expect(firstWait.messages[0].text).toContain(c.estimate(MINUTES));
    expect(firstWait.messages[0].text).toContain(c.estimateWord);
    expect(firstWait.messages[0].locale).toBe(c.locale);
    expect(cardsOf(firstWait, 'product')).toEqual([]);
    expect(backButton(firstWait)?.title).toBe(c.back);

    // A second shopper queues behind; the estimate grows by this shop's minutes.
    const { shopper: second } = await askThenHandOff(connect, c);
    expect(queueOf(await second.say(c.again))).toEqual({ position: 2, estimateMinutes: 2 * MINUTES, staffOnline: true });
    // Asked again, the first is still first.
    expect(queueOf(await first.say(c.again))).toMatchObject({ position: 1 });

    // Back to the assistant: out of the queue, and the bot recommends books again.
    const back = await first.tap(LEAVE_QUEUE);
    expect(back.messages[0].channelData).toMatchObject({ handoff: false, intent: { name: 'handoff.leave' } });
    expect(back.messages[0].locale).toBe(c.locale);
    const server = shop.server;
    expect((await server.stores.handoffs.list()).some((e) => e.conversationId === first.session.conversationId)).toBe(false);
    const answered = await first.say(c.recommend);
    expect(intentOf(answered)).toBe('product.recommend');
    expect(answered.messages.some((m) => m.channelData?.queue !== undefined)).toBe(false);
    const cards = cardsOf(answered, 'product');
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) expect(isBookshopCard(card) && card.category === 'books' && (card.price as number) <= 100).toBe(true);

    // The second moved up.
    expect(queueOf(await second.say(c.waiting))).toEqual({ position: 1, estimateMinutes: MINUTES, staffOnline: true });
    await second.tap(LEAVE_QUEUE);
  });

  it.each(CASES)('should show an agent joining and leaving, and keep the bot quiet while the agent holds it ($locale)', async (c) => {
    const { shopper } = await askThenHandOff(connect, c);
    const id = shopper.session.conversationId;
    const server = shop.server;
    const agent = await ConsoleClient.login(server.url, await addStaff(staffServer(shop), 'agent', c.agentName));
    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    const joined = await waitFor(() => shopper.received.find((a) => a.channelData?.agentPresence === 'joined'), 5000, '"agent joined"');
    expect(joined).toMatchObject({ type: 'message', from: { role: 'bot' }, locale: c.locale });
    expect(joined.text).toContain(c.joined);

    // Words, the back button and a bookshop question alike: the bot says nothing.
    for (const turn of [await shopper.say(c.again), await shopper.tap(LEAVE_QUEUE), await shopper.say(c.recommend)]) {
      expect(turn.ack.ok).toBe(true);
      expect(turn.messages).toEqual([]);
    }
    expect((await server.stores.conversations.get(id))?.handoff).toBe(true);

    expect((await agent.post(`/api/staff/conversations/${id}/messages`, { text: c.agentText })).status).toBe(200);
    const fromAgent = await waitFor(() => shopper.received.find((a) => a.from.role === 'agent'), 5000, "the agent's message");
    expect(fromAgent).toMatchObject({ text: c.agentText, from: { name: c.agentName } });

    expect((await agent.post(`/api/staff/conversations/${id}/release`)).status).toBe(200);
    const left = await waitFor(() => shopper.received.find((a) => a.channelData?.agentPresence === 'left'), 5000, '"agent left"');
    expect(left.text).toContain(c.left);
    expect(left.locale).toBe(c.locale);
    const history = (await shopper.history()).filter((a) => a.channelData?.agentPresence || a.from.role === 'agent');
    expect(history.map((a) => a.channelData?.agentPresence ?? a.from.role)).toEqual(['joined', 'agent', 'left']);

    // Released: the bot answers about this shop's books again.
    const answered = await shopper.say(c.recommend);
    expect(intentOf(answered)).toBe('product.recommend');
    expect(cardsOf(answered, 'product').every(isBookshopCard)).toBe(true);
    expect(cardsOf(answered, 'product').length).toBeGreaterThan(0);
  });
});

describe('honest handoff on another shop, outside staff hours', () => {
  const shop = useOtherShop(CLOSED);

  it.each(CASES)('should name when staff are back, invite a message, and say so again while waiting ($locale)', async (c) => {
    const { shopper, handoff } = await askThenHandOff(() => shop.connect(), c);
    const last = handoff.messages[handoff.messages.length - 1];
    expect(last.text).toContain(REOPENS[c.locale]);
    expect(last.text).toContain(c.leaveMessage);
    expect((await shop.server.stores.handoffs.list()).some((e) => e.conversationId === shopper.session.conversationId)).toBe(true);

    const waiting = await shopper.say(c.waiting);
    expect(queueOf(waiting)).toEqual({ position: 1, staffOnline: false });
    expect(waiting.messages[0].text).toContain(REOPENS[c.locale]);
    expect(waiting.messages[0].text).toContain(c.position(1));
    expect(waiting.messages[0].text).not.toContain(c.estimate(MINUTES));

    const back = await shopper.tap(LEAVE_QUEUE);
    expect(back.messages[0].channelData).toMatchObject({ handoff: false });
    expect(intentOf(await shopper.say(c.recommend))).toBe('product.recommend');
  });
});
