/**
 * The signed webhook API end to end: a real server on port 0, real `fetch`, requests signed as
 * the protocol says; the OpenAPI document's schemas check the real answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildChat, ensureShopData } from '../../src/app';
import { signCustomerToken } from '../../src/auth/customer-token';
import { ConversationRateLimits } from '../../src/channels/webhook/conversation-rate-limits';
import { ReplayGuard } from '../../src/channels/webhook/replay-guard';
import { WebhookHandler } from '../../src/channels/webhook/webhook-handler';
import type { ChatService } from '../../src/chat/chat-service';
import { loadConfig, type KefuConfig } from '../../src/config';
import { printLine, setPrintLine } from '../../src/log';
import type { ChatActivity, TranscriptStore } from '../../src/core/conversation';
import { openStores } from '../../src/storage/open-stores';
import type { Stores } from '../../src/core/stores';
import { customerOf, lastFour, orderWith, shop } from '../helpers/shop-fixture';
import { MODEL_CACHE, startTestServer, TEST_SECRET, type TestServer } from '../helpers/test-server';
import { messagesPath, nowSeconds, WebhookClient, webhookCards, webhookSignature, type PrepareOptions, type WebhookAnswer } from '../helpers/webhook-client';

const WEBHOOK_SECRET = 'test-webhook-secret-please-change';
/** Small enough to hit in a test, large enough for the flows below (at most 4 calls per thread). */
const RATE = { burst: 5, perSecond: 1 };

const PHRASES = {
  zh: { status: (id: string) => `帮我查下订单${id}到哪了`, recommend: '推荐一款3000元以内的手机' },
  en: { status: (id: string) => `where is my order ${id}`, recommend: 'recommend a phone under 3000' },
};

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: { content: Record<string, { examples: Record<string, { value: unknown }> }> } }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, { in: string; name: string }> };
};

/** Validators for the document's component schemas (its `$ref`s rewritten to a JSON Schema `$defs`). */
function schemasOf(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', 'kefu-openapi#/$defs/'));
  ajv.addSchema({ $id: 'kefu-openapi', $defs: defs });
  return (name: string) => {
    const validate = ajv.compile({ $ref: `kefu-openapi#/$defs/${name}` });
    return (value: unknown): string[] => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  };
}

let seq = 0;
const thread = (name: string): string => `t-${name}-${++seq}-${Date.now().toString(36)}`;
const intentOf = (answer: WebhookAnswer): string | undefined =>
  (answer.body.replies?.[0]?.channelData?.intent as { name: string } | undefined)?.name;

describe('webhook API', () => {
  let server: TestServer;
  let hook: WebhookClient;
  let doc: Doc;
  let schema: ReturnType<typeof schemasOf>;

  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: WEBHOOK_SECRET, rateLimit: RATE });
    hook = new WebhookClient(server.url, WEBHOOK_SECRET);
    doc = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as Doc;
    schema = schemasOf(doc);
  });
  afterAll(async () => server?.close());

  const stored = (conversationId: string): Promise<ChatActivity[]> =>
    server.stores.transcripts.list(`webhook:${conversationId}`, { limit: 100 });

  async function expectNothingStored(conversationId: string): Promise<void> {
    expect(await server.stores.conversations.get(`webhook:${conversationId}`)).toBeNull();
    expect(await stored(conversationId)).toHaveLength(0);
  }

  /** A 200 whose replies are messages answering `id`, in the documented shape. */
  function expectReplies(answer: WebhookAnswer, conversationId: string, id: string): ChatActivity[] {
    expect(answer.status).toBe(200);
    expect(schema('MessageResponse')(answer.body)).toEqual([]);
    expect(answer.body.conversationId).toBe(conversationId);
    const replies = answer.body.replies!;
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      expect(reply).toMatchObject({ type: 'message', replyToId: id, conversationId: `webhook:${conversationId}`, from: { role: 'bot' } });
    }
    return replies;
  }

  describe.each(['zh', 'en'] as const)('turns (%s)', (lang) => {
    const say = PHRASES[lang];

    it('should ask an anonymous shopper to verify, then show the order card on the next call', async () => {
      const order = orderWith(['shipped']);
      const id = thread(`order-${lang}`);
      const ask = await hook.post(id, { id: `${lang}-m1`, text: say.status(order.id) });
      const asked = expectReplies(ask, id, `${lang}-m1`);
      expect(intentOf(ask)).toBe('order.status');
      expect(asked[0].locale).toBe(lang);
      expect(webhookCards(ask, 'order')).toHaveLength(0);
      expect(JSON.stringify(asked)).not.toContain(order.shipping!.trackingNumber!);

      const shown = await hook.post(id, { id: `${lang}-m2`, text: lastFour(customerOf(order)) });
      expectReplies(shown, id, `${lang}-m2`);
      const [card] = webhookCards(shown, 'order');
      expect(card).toMatchObject({ orderId: order.id, status: 'shipped', trackingNumber: order.shipping!.trackingNumber });
    });

    it('should show a signed-in shopper their own order at once', async () => {
      const order = orderWith(['delivered', 'shipped']);
      const id = thread(`signed-${lang}`);
      const customerToken = signCustomerToken(order.customerId, TEST_SECRET);
      const answer = await hook.post(id, { id: 'm1', text: say.status(order.id), customerToken, locale: lang });
      expectReplies(answer, id, 'm1');
      expect(webhookCards(answer, 'order')[0]).toMatchObject({ orderId: order.id, status: order.status });
      expect((await server.stores.conversations.get(`webhook:${id}`))?.customerId).toBe(order.customerId);
    });

    it('should recommend 3–5 products as product cards', async () => {
      const id = thread(`recommend-${lang}`);
      const answer = await hook.post(id, { id: 'r1', text: say.recommend });
      const replies = expectReplies(answer, id, 'r1');
      expect(intentOf(answer)).toBe('product.recommend');
      expect(replies[0].locale).toBe(lang);
      const cards = webhookCards(answer, 'product');
      expect(cards.length).toBeGreaterThanOrEqual(3);
      expect(cards.length).toBeLessThanOrEqual(5);
      for (const card of cards) {
        expect(card.category).toBe('phones');
        expect(card.price as number).toBeLessThanOrEqual(3000);
        expect(shop.products.some((p) => p.id === card.productId)).toBe(true);
      }
    });
  });

  it('should keep the conversation as webhook:{conversationId} with channel webhook, message and replies in the transcript', async () => {
    const id = thread('store');
    const answer = await hook.post(id, { id: 'hello-1', text: '你好' });
    const replies = expectReplies(answer, id, 'hello-1');
    const conversation = await server.stores.conversations.get(`webhook:${id}`);
    expect(conversation).toMatchObject({ id: `webhook:${id}`, channel: 'webhook', customerId: null });
    const transcript = await stored(id);
    expect(transcript[0]).toMatchObject({ id: 'hello-1', text: '你好', from: { role: 'user' } });
    expect(transcript.slice(1).map((a) => a.id)).toEqual(replies.map((r) => r.id));
    // Typing indicators and turn.end are not replies.
    expect(replies.every((r) => r.type === 'message')).toBe(true);
  });

  it('should run a postback (a tap on a suggested action) like the socket protocol', async () => {
    const id = thread('postback');
    const greeting = await hook.post(id, { id: 'g1', text: 'hello' });
    const action = expectReplies(greeting, id, 'g1').flatMap((r) => r.suggestedActions?.actions ?? [])[0];
    expect(action).toBeDefined();
    const tapped = await hook.post(id, { id: 'g2', postback: { value: action.value } });
    expectReplies(tapped, id, 'g2');
    expect((await stored(id)).find((a) => a.id === 'g2')).toMatchObject({ value: action.value, from: { role: 'user' } });
  });

  describe('authentication', () => {
    const body = { id: 'a1', text: '你好' };

    // Options are made when the test runs: timestamps are relative to that moment.
    it.each<[string, () => PrepareOptions]>([
      ['a wrong secret', () => ({ secret: 'not-the-secret' })],
      ['a signature of another body', () => ({ signedBody: JSON.stringify({ id: 'a1', text: 'hello' }) })],
      ['a signature for another thread', () => ({ signedPath: messagesPath('someone-elses-thread') })],
      ['a signature for another method', () => ({ signedMethod: 'PUT' })],
      ['no X-Kefu-Signature', () => ({ omit: 'signature' })],
      ['no X-Kefu-Timestamp', () => ({ omit: 'timestamp' })],
      ['a timestamp 301 s old', () => ({ timestamp: nowSeconds() - 301 })],
      ['a timestamp 301 s ahead', () => ({ timestamp: nowSeconds() + 301 })],
    ])('should refuse %s with 401 and store nothing', async (_what, options) => {
      const id = thread('auth');
      const answer = await hook.post(id, body, options());
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('KEFU_AUTH');
      expect(schema('Error')(answer.body)).toEqual([]);
      await expectNothingStored(id);
    });

    it('should refuse a malformed signature header and a timestamp that is not Unix seconds', async () => {
      const id = thread('auth-shape');
      const prepared = hook.prepare(id, body);
      const bare = { ...prepared, headers: { ...prepared.headers, 'X-Kefu-Signature': prepared.headers['X-Kefu-Signature'].slice('sha256='.length) } };
      expect((await hook.send(bare)).status).toBe(401);
      const iso = { ...prepared, headers: { ...prepared.headers, 'X-Kefu-Timestamp': new Date().toISOString() } };
      expect((await hook.send(iso)).status).toBe(401);
      await expectNothingStored(id);
    });

    it('should accept a timestamp within the window', async () => {
      const id = thread('auth-window');
      expectReplies(await hook.post(id, body, { timestamp: nowSeconds() - 290 }), id, 'a1');
    });

    it.each([
      ['zh', '推荐一款3000元以内的手机'],
      ['en', 'recommend a phone under 3000'],
    ])('should answer the very same request again (same bytes and signature, same second) with 200 and the stored replies, running the turn once (%s)', async (_lang, text) => {
      const id = thread('retry');
      const prepared = hook.prepare(id, { id: 'once', text });
      const first = await hook.send(prepared);
      const replies = expectReplies(first, id, 'once');
      const before = await stored(id);
      const retry = await hook.send(prepared);
      expectReplies(retry, id, 'once');
      expect(retry.body.replies!.map((r) => r.id)).toEqual(replies.map((r) => r.id));
      expect(webhookCards(retry, 'product').map((c) => c.productId)).toEqual(webhookCards(first, 'product').map((c) => c.productId));
      expect(await stored(id)).toEqual(before);
    });

    it('should refuse a captured request posted to another conversation, or with another query string (the signature covers the path)', async () => {
      const id = thread('captured');
      const prepared = hook.prepare(id, { id: 'captured-1', text: 'hello' });
      expectReplies(await hook.send(prepared), id, 'captured-1');
      const before = await stored(id);
      const elsewhere = thread('elsewhere');
      const moved = { ...prepared, path: prepared.path.replace(encodeURIComponent(id), encodeURIComponent(elsewhere)) };
      const answer = await hook.send(moved);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('KEFU_AUTH');
      await expectNothingStored(elsewhere);
      // The same thread spelled with a query string is another request target.
      expect((await hook.send({ ...prepared, path: `${prepared.path}?x=1` })).status).toBe(401);
      expect(await stored(id)).toEqual(before);
    });

    it('should sign the query string as sent', async () => {
      const id = thread('query');
      const path = `${messagesPath(id)}?source=line`;
      const body = JSON.stringify({ id: 'q-1', text: '你好' });
      const ts = nowSeconds();
      const headers = { 'Content-Type': 'application/json', 'X-Kefu-Timestamp': String(ts), 'X-Kefu-Signature': webhookSignature(WEBHOOK_SECRET, ts, path, body) };
      expectReplies(await hook.send({ path, body, headers }), id, 'q-1');
    });

    it('should refuse a bad customerToken with 401 and store nothing', async () => {
      const id = thread('bad-token');
      const forged = signCustomerToken(shop.customers[0].id, 'another-shop-secret');
      const answer = await hook.post(id, { ...body, customerToken: forged });
      expect(answer.status).toBe(401);
      expect(answer.body.error?.code).toBe('KEFU_AUTH');
      await expectNothingStored(id);
    });
  });

  describe('bad bodies', () => {
    it.each([
      ['malformed JSON', '{"id": "b1", "text": "hi"'],
      ['an array', '[{"id": "b1", "text": "hi"}]'],
      ['an operator for text', '{"id": "b1", "text": {"$gt": ""}}'],
      ['an operator for id', '{"id": {"$gt": ""}, "text": "hi"}'],
      ['a __proto__ key', '{"id": "b1", "text": "hi", "__proto__": {"admin": true}}'],
      ['a __proto__ key in the postback', '{"id": "b1", "postback": {"value": "x", "__proto__": {"admin": true}}}'],
      ['an operator for the postback value', '{"id": "b1", "postback": {"value": {"$ne": null}}}'],
      ['no id', '{"text": "hi"}'],
      ['text and postback', '{"id": "b1", "text": "hi", "postback": {"value": "x"}}'],
      ['empty text', '{"id": "b1", "text": "   "}'],
      ['text over 2,000 characters', JSON.stringify({ id: 'b1', text: '好'.repeat(2001) })],
      ['an unknown locale', '{"id": "b1", "text": "hi", "locale": "fr"}'],
      ['a customerToken that is not a string', '{"id": "b1", "text": "hi", "customerToken": {"sub": "C001"}}'],
    ])('should refuse %s with 400 and store nothing', async (_what, raw) => {
      const id = thread('bad');
      const answer = await hook.post(id, raw);
      expect(answer.status).toBe(400);
      expect(answer.body.error?.code).toBe('KEFU_BAD_REQUEST');
      await expectNothingStored(id);
      // The document says the same: the schema refuses what the endpoint refuses (when it is JSON).
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return;
      }
      expect(schema('MessageRequest')(parsed)).not.toEqual([]);
    });

    it('should not write an error with a stack to the log for each refused request (anyone could flood it)', async () => {
      const printed: string[] = [];
      const print = printLine;
      setPrintLine((line) => printed.push(line));
      try {
        for (const raw of ['{"id": "b1", "text": {"$gt": ""}}', '{"id": "b1", "text": "hi", "locale": "fr"}']) expect((await hook.post(thread('quiet'), raw)).status).toBe(400);
      } finally {
        setPrintLine(print);
      }
      expect(printed.filter((l) => /error/.test(l))).toEqual([]);
    });

    it('should refuse an oversized body with 413 and store nothing', async () => {
      const id = thread('big');
      const answer = await hook.post(id, JSON.stringify({ id: 'b1', text: 'x'.repeat(40 * 1024) }));
      expect(answer.status).toBe(413);
      await expectNothingStored(id);
    });

    it('should refuse a conversation id outside the protocol with 400', async () => {
      const id = 'has space/and slash';
      const answer = await hook.post(id, { id: 'b1', text: 'hi' });
      expect(answer.status).toBe(400);
      await expectNothingStored(id);
    });
  });

  describe('message ids', () => {
    it('should process the same id once and answer the retry with the stored replies', async () => {
      const id = thread('dup');
      const t = nowSeconds();
      const first = await hook.post(id, { id: 'same', text: '推荐一款3000元以内的手机' }, { timestamp: t });
      const replies = expectReplies(first, id, 'same');
      const after = await stored(id);
      const again = await hook.post(id, { id: 'same', text: '推荐一款3000元以内的手机' }, { timestamp: t - 1 });
      expectReplies(again, id, 'same');
      expect(again.body.replies!.map((r) => r.id)).toEqual(replies.map((r) => r.id));
      expect(webhookCards(again, 'product').map((c) => c.productId)).toEqual(webhookCards(first, 'product').map((c) => c.productId));
      expect(await stored(id)).toHaveLength(after.length);
    });

    it('should process two simultaneous calls with one id once, both answered with the same replies', async () => {
      const id = thread('dup-race');
      // The very same request twice at once: an integration that retries before the first answer.
      const prepared = hook.prepare(id, { id: 'race', text: 'where is my order' });
      const [a, b] = await Promise.all([hook.send(prepared), hook.send(prepared)]);
      expectReplies(a, id, 'race');
      expectReplies(b, id, 'race');
      expect(b.body.replies!.map((r) => r.id)).toEqual(a.body.replies!.map((r) => r.id));
      const transcript = await stored(id);
      expect(transcript.filter((x) => x.id === 'race')).toHaveLength(1);
      expect(transcript.filter((x) => x.replyToId === 'race')).toHaveLength(a.body.replies!.length);
    });
  });

  describe('identity', () => {
    const [alice, bob] = shop.customers;
    const tokenOf = (customerId: string) => signCustomerToken(customerId, TEST_SECRET);

    it("should answer another customer, or no customer, on a signed-in shopper's thread as not found", async () => {
      const id = thread('owned');
      expectReplies(await hook.post(id, { id: 'o1', text: '你好', customerToken: tokenOf(alice.id) }), id, 'o1');
      const before = await stored(id);
      const other = await hook.post(id, { id: 'o2', text: '你好', customerToken: tokenOf(bob.id) });
      const anonymous = await hook.post(id, { id: 'o3', text: '你好' });
      for (const answer of [other, anonymous]) {
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual({ error: { code: 'KEFU_NOT_FOUND', message: 'No such conversation.' } });
      }
      expect(await stored(id)).toEqual(before);
      expectReplies(await hook.post(id, { id: 'o4', text: 'hello', customerToken: tokenOf(alice.id) }), id, 'o4');
    });

    it("should not let a token sign in on an anonymous shopper's thread", async () => {
      const id = thread('anonymous');
      expectReplies(await hook.post(id, { id: 'n1', text: '你好' }), id, 'n1');
      const answer = await hook.post(id, { id: 'n2', text: '你好', customerToken: tokenOf(alice.id) });
      expect(answer.status).toBe(404);
      expect((await server.stores.conversations.get(`webhook:${id}`))?.customerId).toBeNull();
      expect((await stored(id)).some((a) => a.id === 'n2')).toBe(false);
    });
  });

  it('should limit the rate per conversation with 429, storing only what it answered', async () => {
    const id = thread('rate');
    const calls = RATE.burst + 4;
    const answers = await Promise.all(Array.from({ length: calls }, (_, i) => hook.post(id, { id: `q${i}`, text: 'hello' })));
    const limited = answers.filter((a) => a.status === 429);
    const ok = answers.filter((a) => a.status === 200);
    expect(limited.length).toBeGreaterThanOrEqual(calls - RATE.burst - 1);
    expect(ok.length + limited.length).toBe(calls);
    expect(limited[0].body.error?.code).toBe('KEFU_RATE_LIMIT');
    const userMessages = (await stored(id)).filter((a) => a.from.role === 'user');
    expect(userMessages).toHaveLength(ok.length);
    // Another conversation has its own bucket.
    const other = thread('rate-other');
    expectReplies(await hook.post(other, { id: 'other-q0', text: 'hello' }), other, 'other-q0');
  });

  describe('OpenAPI document', () => {
    const messages = () => doc.paths['/api/v1/conversations/{conversationId}/messages'].post;

    it('should be served as OpenAPI 3.1 JSON describing the endpoint, its headers and answers', async () => {
      const res = await fetch(`${server.url}/api/v1/openapi.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(messages().responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '413', '429']));
      const headers = Object.values(doc.components.securitySchemes).map((s) => `${s.in}:${s.name}`);
      expect(headers.sort()).toEqual(['header:X-Kefu-Signature', 'header:X-Kefu-Timestamp']);
      for (const name of ['OrderCard', 'ProductCard', 'FaqCard', 'Activity', 'MessageRequest', 'Error']) {
        expect(doc.components.schemas[name]).toBeDefined();
      }
    });

    it('should have examples that its schemas accept and the endpoint answers', async () => {
      const examples = Object.values(messages().requestBody!.content['application/json'].examples);
      expect(examples.length).toBeGreaterThanOrEqual(2);
      for (const [i, example] of examples.entries()) {
        expect(schema('MessageRequest')(example.value)).toEqual([]);
        const id = thread(`example-${i}`);
        const answer = await hook.post(id, example.value);
        expectReplies(answer, id, (example.value as { id: string }).id);
      }
      const ok = (messages().responses['200'] as { content: Record<string, { example: unknown }> }).content['application/json'].example;
      expect(schema('MessageResponse')(ok)).toEqual([]);
    });

    it('should describe the cards the bot really sends', async () => {
      const id = thread('faq');
      const answer = await hook.post(id, { id: 'f1', text: '包邮吗？运费多少' });
      expectReplies(answer, id, 'f1');
      const [faq] = webhookCards(answer, 'faq');
      expect(schema('FaqCard')(faq)).toEqual([]);
      expect(schema('OrderCard')({ orderId: 'x' })).not.toEqual([]);
    });
  });
});

describe('webhook API without KEFU_WEBHOOK_SECRET', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: undefined });
  });
  afterAll(async () => server?.close());

  it('should answer 404 and store nothing, whatever the signature', async () => {
    const hook = new WebhookClient(server.url, WEBHOOK_SECRET);
    const answer = await hook.post('no-secret', { id: 'm1', text: '你好' });
    expect(answer.status).toBe(404);
    expect(await server.stores.conversations.get('webhook:no-secret')).toBeNull();
    expect((await fetch(`${server.url}/api/v1/openapi.json`)).status).toBe(200);
  });
});

/**
 * With the embedded store a turn never leaves the event loop (better-sqlite3 is synchronous),
 * so a second HTTP call always arrives after the first is done. A store with latency, as
 * MongoDB has, lets the second call of a message id arrive while the first is still running:
 * here the real stores and bot, with transcript reads taking a few milliseconds and the write
 * of a turn's replies (majority-acknowledged, journaled) much longer.
 */
describe('webhook API on a store with latency', () => {
  let dataDir: string;
  let stores: Stores;
  let chat: ChatService;
  let handler: WebhookHandler;
  let config: KefuConfig;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-test-'));
    config = loadConfig({ port: 0, dataDir, modelDir: MODEL_CACHE, shopSecret: TEST_SECRET, webhookSecret: WEBHOOK_SECRET });
    const real = await openStores(config);
    await ensureShopData(config, real);
    stores = { ...real, transcripts: withLatency(real.transcripts, { commitTurn: 150 }, 5) };
    chat = await buildChat(config, stores);
    handler = new WebhookHandler(WEBHOOK_SECRET, config, chat, stores.transcripts, stores.conversations);
  });
  afterAll(async () => {
    await chat?.drain();
    await stores?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signed = (body: string, timestamp: number, thread = 'slow') => {
    const path = messagesPath(thread);
    const headers = { 'x-kefu-timestamp': String(timestamp), 'x-kefu-signature': webhookSignature(WEBHOOK_SECRET, timestamp, path, body) };
    return { headers, method: 'POST', path };
  };

  it('should make a second call with the same id wait for the first and answer with its replies', async () => {
    const body = JSON.stringify({ id: 'slow-1', text: '推荐一款3000元以内的手机' });
    const t = nowSeconds();
    // A retry signed anew and two copies of the very same request.
    const [a, b, c] = await Promise.all([
      handler.receive(signed(body, t), Buffer.from(body), 'slow'),
      handler.receive(signed(body, t - 1), Buffer.from(body), 'slow'),
      handler.receive(signed(body, t), Buffer.from(body), 'slow'),
    ]);
    expect(a.replies.length).toBeGreaterThan(0);
    for (const other of [b, c]) expect(other.replies.map((r) => r.id)).toEqual(a.replies.map((r) => r.id));
    const transcript = await stores.transcripts.list('webhook:slow', { limit: 100 });
    expect(transcript.filter((x) => x.id === 'slow-1')).toHaveLength(1);
    expect(transcript.filter((x) => x.replyToId === 'slow-1')).toHaveLength(a.replies.length);
  });

  it.each([
    ['zh', '推荐一款3000元以内的手机'],
    ['en', 'recommend a phone under 3000'],
  ])('should answer a retry of a finished message with its stored replies even when the conversation is over its rate (%s)', async (lang, text) => {
    // One message per conversation and no refill: a second new message is refused whenever it comes.
    const strict = new WebhookHandler(WEBHOOK_SECRET, { ...config, rateLimit: { burst: 1, perSecond: 0 } }, chat, stores.transcripts, stores.conversations);
    const thread = `strict-${lang}`;
    const body = JSON.stringify({ id: 'r-1', text });
    const t = nowSeconds();
    const first = await strict.receive(signed(body, t, thread), Buffer.from(body), thread);
    expect(first.replies.length).toBeGreaterThan(0);
    const next = JSON.stringify({ id: 'r-2', text });
    await expect(strict.receive(signed(next, t, thread), Buffer.from(next), thread)).rejects.toMatchObject({ code: 'KEFU_RATE_LIMIT' });
    // The very same request again, and the same message signed anew.
    for (const ts of [t, t - 1]) {
      const retry = await strict.receive(signed(body, ts, thread), Buffer.from(body), thread);
      expect(retry.replies.map((r) => r.id)).toEqual(first.replies.map((r) => r.id));
    }
    const transcript = await stores.transcripts.list(`webhook:${thread}`, { limit: 100 });
    expect(transcript.filter((x) => x.id === 'r-1')).toHaveLength(1);
    expect(transcript.some((x) => x.id === 'r-2')).toBe(false);
  });
});

/** The same store, each call late by its method's latency (else `otherMs`): a network round trip. */
function withLatency<T extends TranscriptStore>(inner: T, latencyMs: Partial<Record<keyof T, number>>, otherMs: number): T {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const ms = latencyMs[prop as keyof T] ?? otherMs;
      return async (...args: unknown[]) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('ReplayGuard', () => {
  it('should refuse a signature within the window, forget it after, and stay bounded', () => {
    let now = 1_000_000_000_000;
    const guard = new ReplayGuard({ windowSeconds: 300, maxEntries: 3, now: () => now });
    const t = now / 1000;
    expect(guard.check('a', t)).toBe('fresh');
    expect(guard.check('a', t)).toBe('replay');
    now += 300_000; // the last second its timestamp is still accepted
    expect(guard.check('a', t)).toBe('replay');
    expect(guard.check('b', now / 1000)).toBe('fresh');
    expect(guard.check('c', now / 1000)).toBe('fresh');
    expect(guard.check('d', now / 1000)).toBe('full'); // refuses rather than forgets a live one
    now += 1000; // 'a' has expired: swept, which makes room
    expect(guard.check('d', now / 1000)).toBe('fresh');
    expect(guard.size).toBe(3);
    now += 301_000;
    expect(guard.check('e', now / 1000)).toBe('fresh');
    expect(guard.size).toBe(1);
  });
});

describe('ConversationRateLimits', () => {
  it('should give each conversation its own bucket that refills', () => {
    let now = 0;
    const limits = new ConversationRateLimits({ burst: 2, perSecond: 1 }, () => now);
    expect([limits.take('a'), limits.take('a'), limits.take('a')]).toEqual([true, true, false]);
    expect(limits.take('b')).toBe(true);
    now += 60_000; // long idle: dropped and as good as new
    expect([limits.take('a'), limits.take('a'), limits.take('a')]).toEqual([true, true, false]);
  });
});
