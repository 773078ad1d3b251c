/**
 * Issue 14 item 3, on the real server: the answer to the verification question, however it is
 * phrased ("还是8000", "its 5678", "尾号 5678", "the last four are 4321", an e-mail…), never
 * reaches what staff read: the conversation's turns in the console and both export formats (the
 * export called redacted). The bot still reads what the shopper typed, so each phrasing verifies
 * and shows the order. Each phrasing runs in its own conversation, against an order whose own
 * data does not contain the digits (so a hit can only be the answer).
 */
import { limitsFromEnv } from '../../src/config';
import type { ChatActivity } from '../../src/core/conversation';
import type { Order } from '../../src/core/shop';
import { cardsOf, ChatClient } from '../helpers/chat-client';
import { customerOf, lastFour, shop } from '../helpers/shop-fixture';
import { useConsole } from '../security/use-console';
import { StaffSocket, waitFor } from '../staff/staff-fixture';

type Phrase = (digits: string, email: string) => string;
const spaced = (d: string): string => `${d.slice(0, 2)} ${d.slice(2)}`;
const dashed = (d: string): string => d.split('').join('-');

const PHRASINGS: Record<'zh' | 'en', Phrase[]> = {
  zh: [
    (d) => d,
    (d) => `还是${d}`,
    (d) => `后四位是${d}吧`,
    (d) => `尾号 ${d}`,
    (d) => `手机尾号${d}`,
    (d) => `是${d}`,
    (d) => `${d}吧`,
    (d) => `应该是${d}`,
    (d) => `我的手机后四位：${d}`,
    (d) => spaced(d),
    (d) => `号码最后四位是${d}，谢谢`,
    (d) => `嗯，${d}`,
    (d) => `末四位${d}`,
    (d) => `${d}。`,
    (d) => `手机号码后4位${d}`,
    (d) => `好的 ${dashed(d)}`,
    (d) => `${d}块那个号码`,
    (_d, e) => `邮箱是${e}`,
  ],
  en: [
    (d) => d,
    (d) => `its ${d}`,
    (d) => `it's ${d}`,
    (d) => `the last four are ${d}`,
    (d) => `last 4 digits: ${d}`,
    (d) => `my phone ends in ${d}`,
    (d) => `${d} thanks`,
    (d) => `ok ${d}`,
    (d) => `sure, ${d}`,
    (d) => `the last four digits of my phone are ${d}`,
    (d) => dashed(d),
    (d) => `i think it is ${d}`,
    (d) => `hmm ${d}?`,
    (d) => `number ending with ${d}`,
    (d) => `try ${d}`,
    (d) => spaced(d),
    (_d, e) => `my email is ${e}`,
  ],
};

const ASK = { zh: (id: string) => `帮我查下订单${id}到哪了`, en: (id: string) => `where is my order ${id}` } as const;

/** What must not show to staff for this order's answer: the digits, spaced or not, and the e-mail. */
function secretsOf(order: Order): string[] {
  const customer = customerOf(order);
  const d = lastFour(customer);
  return [d, spaced(d), dashed(d), customer.email!.toLowerCase()];
}

/**
 * What staff read, as text to search, without the ids kefu generates: a random UUID (activity,
 * conversation and shopper ids) holds a given run of four digits about once in 3,900 (17 windows of 16⁴), so over
 * this suite's 35 conversations one of them holds its own answer's digits in about one run in
 * twenty (the intermittent failure of session 6) - a hit that says nothing about the answer.
 */
const searchable = (value: unknown): string => JSON.stringify(value).toLowerCase().replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');

/** Orders whose own data (and products) holds none of the secrets, so any hit is the answer. */
const ORDERS = shop.orders.filter((o) => {
  const customer = customerOf(o);
  if (!customer?.phone || !customer.email) return false;
  const own = JSON.stringify([o, o.items.map((i) => shop.products.find((p) => p.id === i.productId))]).toLowerCase();
  return secretsOf(o).every((s) => !own.includes(s));
});

describe('verification answers in what staff read', () => {
  // One conversation per phrasing, all from one address: more than the default new-conversation limit.
  const t = useConsole('admin', { limits: { ...limitsFromEnv({}), newConversations: { burst: 1000, perMinute: 6000 } } });
  const conversations: { id: string; lang: 'zh' | 'en'; said: string; secrets: string[] }[] = [];

  it.each(['zh', 'en'] as const)('should verify every phrasing and keep its digits out of the console turns and the live /staff feed (%s)', async (lang) => {
    expect(ORDERS.length).toBeGreaterThan(5);
    const watch = await StaffSocket.connect(t.server.url, t.console.cookie);
    try {
      await sweep(lang, watch);
    } finally {
      watch.close();
    }
  });

  async function sweep(lang: 'zh' | 'en', watch: StaffSocket): Promise<void> {
    for (const [i, phrase] of PHRASINGS[lang].entries()) {
      const order = ORDERS[i % ORDERS.length];
      const customer = customerOf(order);
      const said = phrase(lastFour(customer), customer.email!);
      const shopper = await ChatClient.connect(t.server.url, { locale: lang });
      try {
        await shopper.say(ASK[lang](order.id));
        const shown = await shopper.say(said);
        expect([said, cardsOf(shown, 'order')[0]?.orderId]).toEqual([said, order.id]);
        const id = shopper.session.conversationId;
        conversations.push({ id, lang, said, secrets: secretsOf(order) });
        const turns = await t.console.get(`/api/staff/conversations/${encodeURIComponent(id)}/turns`);
        expect(turns.status).toBe(200);
        const seen = searchable(turns.body);
        expect([said, secretsOf(order).filter((s) => seen.includes(s))]).toEqual([said, []]);
        const live = await waitFor(() => {
          const mine = watch.activities.filter((a) => a.conversationId === id);
          return mine.filter((a) => a.from.role === 'bot').length >= 2 && mine;
        }, 5000, 'the turns on /staff');
        const relayed = searchable(live);
        expect([said, live.filter((a) => a.from.role === 'user').length, secretsOf(order).filter((s) => relayed.includes(s))]).toEqual([said, 2, []]);
      } finally {
        shopper.close();
      }
    }
  }

  it('should keep every answer out of both export formats', async () => {
    expect(conversations.length).toBe(PHRASINGS.zh.length + PHRASINGS.en.length);
    const jsonl = await t.console.download('/api/staff/export?format=jsonl');
    expect(jsonl.status).toBe(200);
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as ChatActivity);
    const csv = await t.console.download('/api/staff/export?format=csv');
    expect(csv.status).toBe(200);
    for (const c of conversations) {
      const exported = lines.filter((a) => a.conversationId === c.id);
      expect(exported.some((a) => a.from.role === 'user')).toBe(true);
      const json = searchable(exported);
      expect([c.said, c.secrets.filter((s) => json.includes(s))]).toEqual([c.said, []]);
      // CSV: a record per activity, each carrying its conversation id.
      const rows = searchable(csv.text.split('\r\n').filter((row) => row.includes(c.id)).join('\n'));
      expect(rows).not.toBe('');
      expect([c.said, c.secrets.filter((s) => rows.includes(s))]).toEqual([c.said, []]);
    }
  });
});
