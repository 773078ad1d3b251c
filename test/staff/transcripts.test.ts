/**
 * Transcript review against the real server, in zh and en: turns with intent, confidence and
 * entities; search filters with injection payloads taken literally; export of a filtered set as
 * CSV and JSON Lines (admin only, audited, formula-safe); the dashboard.
 */
import { randomUUID } from 'node:crypto';
import type { ChatActivity } from '../../src/core/conversation';
import type { Turn } from '../../src/staff/conversation-turns';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient } from './staff-fixture';

type Search = { items: { conversation: { id: string }; intents: string[]; userMessages: number }[]; next?: string };

describe('transcripts', () => {
  let server: TestServer;
  let agent: ConsoleClient;
  let admin: ConsoleClient;
  const shoppers: ChatClient[] = [];
  /** A word no other conversation contains, so filters can be checked exactly. */
  const marker = `m${randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = {};

  async function chat(key: string, locale: 'zh' | 'en', ...texts: string[]): Promise<ChatClient> {
    const shopper = await ChatClient.connect(server.url, { locale });
    shoppers.push(shopper);
    for (const t of texts) await shopper.say(t);
    ids[key] = shopper.session.conversationId;
    return shopper;
  }

  beforeAll(async () => {
    server = await startTestServer();
    agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', '客服小李'));
    admin = await ConsoleClient.login(server.url, await addStaff(server, 'admin', 'Boss'));
    await chat('zh', 'zh', '你好', `推荐一款3000以内的华为手机 ${marker}`);
    await chat('en', 'en', 'hello', 'noise cancelling headphones under 2000 from Sony');
    await chat('gt', 'en', 'my code is {"$gt":""} ok');
    await chat('percent', 'en', 'is it 100% cotton?');
    await chat('formula', 'en', '=HYPERLINK("http://evil.example","click")');
    await chat('phone', 'zh', '我的手机号13812345678，邮箱li@example.com');
  });
  afterAll(async () => {
    shoppers.forEach((s) => s.close());
    await server.close();
  });

  it('should show each turn with intent, confidence and entities (zh)', async () => {
    const { status, body } = await agent.get<{ turns: Turn[]; before?: string }>(`/api/staff/conversations/${ids.zh}/turns`);
    expect(status).toBe(200);
    expect(body.before).toBeUndefined();
    expect(body.turns.map((t) => t.role)).toEqual(['user', 'user']);
    const [hello, recommend] = body.turns;
    expect(hello.intent).toEqual({ name: 'smalltalk.greeting', score: expect.any(Number) });
    expect(recommend.activity.text).toContain('华为手机');
    expect(recommend.intent?.name).toBe('product.recommend');
    expect(recommend.intent!.score).toBeGreaterThan(0.3);
    expect(recommend.intent!.score).toBeLessThanOrEqual(1);
    expect(recommend.replies.length).toBeGreaterThan(0);
    expect(recommend.replies.every((r) => r.from.role === 'bot' && r.replyToId === recommend.id)).toBe(true);
    expect(recommend.entities).toEqual(
      expect.arrayContaining([
        { type: 'price', value: { max: 3000 }, start: expect.any(Number), end: expect.any(Number) },
        { type: 'brand', value: 'Huawei', start: expect.any(Number), end: expect.any(Number) },
        { type: 'category', value: 'phones', start: expect.any(Number), end: expect.any(Number) },
      ]),
    );
    const brand = recommend.entities!.find((e) => e.type === 'brand')!;
    expect(recommend.activity.text!.slice(brand.start, brand.end)).toBe('华为');
  });

  it('should show each turn with intent, confidence and entities (en)', async () => {
    const { body } = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${ids.en}/turns`);
    const turn = body.turns[1];
    expect(turn.intent?.name).toBe('product.recommend');
    expect(turn.entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'brand', value: 'Sony' }), expect.objectContaining({ type: 'price', value: { max: 2000 } })]));
  });

  it('should keep personal data out of turns: redacted text, masked entity values', async () => {
    const { body } = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${ids.phone}/turns`);
    const json = JSON.stringify(body);
    expect(json).not.toContain('13812345678');
    expect(json).not.toContain('li@example.com');
    expect(body.turns[0].activity.text).toContain('[电话]');
    expect(body.turns[0].entities).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'phone', value: '[电话]' }), expect.objectContaining({ type: 'email', value: '[邮箱]' })]));
  });

  it('should page turns and refuse a limit above 50', async () => {
    const page = await agent.get<{ turns: Turn[]; before?: string }>(`/api/staff/conversations/${ids.zh}/turns?limit=1`);
    expect(page.body.turns).toHaveLength(1);
    expect(page.body.turns[0].activity.text).toContain('华为');
    const older = await agent.get<{ turns: Turn[]; before?: string }>(`/api/staff/conversations/${ids.zh}/turns?limit=1&before=${page.body.before}`);
    expect(older.body.turns.map((t) => t.activity.text)).toEqual(['你好']);
    expect(older.body.before).toBeUndefined();
    expect((await agent.get(`/api/staff/conversations/${ids.zh}/turns?limit=51`)).status).toBe(400);
    expect((await agent.get('/api/staff/conversations/nope/turns')).status).toBe(404);
  });

  it('should filter by text, locale and intent', async () => {
    const byText = await agent.get<Search>(`/api/staff/conversations?text=${marker}`);
    expect(byText.body.items.map((i) => i.conversation.id)).toEqual([ids.zh]);
    expect(byText.body.items[0].intents).toEqual(expect.arrayContaining(['product.recommend', 'smalltalk.greeting']));
    const en = await agent.get<Search>('/api/staff/conversations?locale=en&intent=product.recommend');
    expect(en.body.items.map((i) => i.conversation.id)).toEqual([ids.en]);
    const paged = await agent.get<Search>('/api/staff/conversations?limit=2');
    expect(paged.body.items).toHaveLength(2);
    const next = await agent.get<Search>(`/api/staff/conversations?limit=2&cursor=${paged.body.next}`);
    expect(next.body.items.map((i) => i.conversation.id)).not.toContain(paged.body.items[0].conversation.id);
  });

  it('should take injection payloads in query parameters as literal text', async () => {
    const gt = await agent.get<Search>(`/api/staff/conversations?text=${encodeURIComponent('{"$gt":""}')}`);
    expect(gt.body.items.map((i) => i.conversation.id)).toEqual([ids.gt]);
    const percent = await agent.get<Search>('/api/staff/conversations?text=%25');
    expect(percent.body.items.map((i) => i.conversation.id)).toEqual([ids.percent]);
    const underscore = await agent.get<Search>('/api/staff/conversations?text=_');
    expect(underscore.body.items).toEqual([]);
    const proto = await agent.get<Search>('/api/staff/conversations?__proto__=x&constructor=y&text=__proto__');
    expect(proto.status).toBe(200);
    expect(proto.body.items).toEqual([]);
    const customer = await agent.get<Search>(`/api/staff/conversations?customerId=${encodeURIComponent('{"$ne":null}')}`);
    expect(customer.body.items).toEqual([]);
    for (const bad of ['locale=%7B%22%24gt%22%3A%22%22%7D', 'handoff=%7B%7D', 'from=not-a-date', 'cursor=bm9wZQ', 'text=a&text=b']) {
      const res = await agent.get<{ error: { code: string; zh: string } }>(`/api/staff/conversations?${bad}`);
      expect([bad, res.status]).toEqual([bad, 400]);
      expect(res.body.error.code).toBe('KEFU_BAD_REQUEST');
    }
  });

  it('should export a filtered set as CSV (formula-safe) and JSON Lines, for admins only, audited', async () => {
    expect((await agent.download('/api/staff/export?format=csv')).status).toBe(403);
    const csv = await admin.download(`/api/staff/export?format=csv&text=${encodeURIComponent('HYPERLINK')}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="kefu-transcripts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"conversationId","id","timestamp","role","type","replyToId","locale","intent","text","attachments"');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.slice(1).every((l) => l.startsWith(`"${ids.formula}"`))).toBe(true);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const jsonl = await admin.download(`/api/staff/export?format=jsonl&locale=zh&text=${marker}`);
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const activities = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as ChatActivity);
    expect(new Set(activities.map((a) => a.conversationId))).toEqual(new Set([ids.zh]));
    expect(activities.filter((a) => a.from.role === 'user').map((a) => a.text)).toEqual(['你好', `推荐一款3000以内的华为手机 ${marker}`]);

    const phone = await admin.download('/api/staff/export?format=jsonl&text=%E9%82%AE%E7%AE%B1');
    expect(phone.text).toContain('[电话]');
    expect(phone.text).not.toContain('13812345678');

    expect((await admin.download('/api/staff/export?format=xml')).status).toBe(400);
    const audit = await admin.get<{ entries: { action: string; detail?: { filter: Record<string, unknown>; format: string } }[] }>('/api/staff/audit');
    const exports = audit.body.entries.filter((e) => e.action === 'export');
    expect(exports.map((e) => e.detail)).toEqual(
      expect.arrayContaining([
        { filter: { text: 'HYPERLINK' }, format: 'csv' },
        { filter: { text: marker, locale: 'zh' }, format: 'jsonl' },
      ]),
    );
  });

  it('should answer the dashboard for the default range and refuse a bad one', async () => {
    const { status, body } = await agent.get<{ from: string; to: string; totals: { conversations: number; turns: number }; topIntents: { intent: string; turns: number }[] }>('/api/staff/dashboard');
    expect(status).toBe(200);
    expect(Date.parse(body.to) - Date.parse(body.from)).toBe(14 * 24 * 3600 * 1000);
    expect(body.totals.conversations).toBe(Object.keys(ids).length);
    expect(body.topIntents.map((t) => t.intent)).toEqual(expect.arrayContaining(['product.recommend', 'smalltalk.greeting']));
    const today = new Date().toISOString().slice(0, 10);
    const one = await agent.get<{ days: { date: string; conversations: number }[] }>(`/api/staff/dashboard?from=${today}&to=${today}`);
    expect(one.body.days).toEqual([expect.objectContaining({ date: today, conversations: Object.keys(ids).length })]);
    for (const bad of ['from=2026-02-30', `from=${today}&to=2020-01-01`, 'from=2020-01-01&to=2026-01-01', 'to=%7B%22%24gt%22%3A1%7D']) {
      expect([bad, (await agent.get(`/api/staff/dashboard?${bad}`)).status]).toEqual([bad, 400]);
    }
  });

  it('should list live conversations newest first with their holder', async () => {
    const { body } = await agent.get<{ queue: unknown[]; active: { conversation: { id: string }; assignment: unknown }[] }>('/api/staff/live');
    expect(body.queue).toEqual([]);
    expect(body.active.map((a) => a.conversation.id)).toEqual([ids.phone, ids.formula, ids.percent, ids.gt, ids.en, ids.zh]);
    expect(body.active.every((a) => a.assignment === null)).toBe(true);
  });
});
