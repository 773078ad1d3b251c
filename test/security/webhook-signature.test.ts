/**
 * The webhook API's signature against the real server: it is checked over the exact bytes that
 * arrived (not over JSON parsed and written again) and over method and path as sent, before the
 * body is parsed; a header given twice counts as no header; and the first version's signature
 * (`{timestamp}.{raw body}` alone, which let a request signed for one thread be posted to another)
 * is no longer accepted.
 */
import { createHmac } from 'node:crypto';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { messagesPath, nowSeconds, webhookSignature } from '../helpers/webhook-client';

const SECRET = 'security-webhook-secret';
let seq = 0;

describe('webhook signature', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: SECRET });
  });
  afterAll(async () => server.close());

  const send = (conversationId: string, body: string, headers: [string, string][]) =>
    fetch(`${server.url}${messagesPath(conversationId)}`, { method: 'POST', headers: [['Content-Type', 'application/json'], ...headers], body });
  const signed = (conversationId: string, ts: number | string, body: string): [string, string][] => [
    ['X-Kefu-Timestamp', String(ts)],
    ['X-Kefu-Signature', webhookSignature(SECRET, ts, messagesPath(conversationId), body)],
  ];

  it.each([
    ['zh', '{ "text" : "\\u4f60\\u597d" ,\n  "id":"raw-zh" }'],
    ['en', '{"id":"raw-en",   "text":"hello\\u0021"}\n'],
  ])('should verify the bytes as sent, not a re-serialised copy (%s)', async (_lang, raw) => {
    const id = `raw-${++seq}`;
    const ts = nowSeconds();
    const ok = await send(id, raw, signed(id, ts, raw));
    expect(ok.status).toBe(200);
    // The same message written the way JSON.stringify writes it is other bytes: its signature is not the raw one's.
    const rewritten = JSON.stringify(JSON.parse(raw));
    expect(rewritten).not.toBe(raw);
    const other = `raw-${++seq}`;
    const rawSignature = webhookSignature(SECRET, ts, messagesPath(other), raw);
    const refused = await send(other, rewritten, [['X-Kefu-Timestamp', String(ts)], ['X-Kefu-Signature', rawSignature]]);
    expect(refused.status).toBe(401);
    expect(await server.stores.conversations.get(`webhook:${other}`)).toBeNull();
  });

  it('should check the signature before parsing, and refuse a header given twice', async () => {
    const id = `order-${++seq}`;
    const ts = String(nowSeconds());
    // Broken JSON with a wrong signature: 401, the body is never parsed.
    expect((await send(id, '{"id":', [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', `sha256=${'0'.repeat(64)}`]])).status).toBe(401);
    // Broken JSON signed right: now it is the body's fault.
    expect((await send(id, '{"id":', signed(id, ts, '{"id":'))).status).toBe(400);
    const body = JSON.stringify({ id: 'twice', text: 'hello' });
    const good = webhookSignature(SECRET, ts, messagesPath(id), body);
    const twice = await send(id, body, [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', good], ['X-Kefu-Signature', good]]);
    expect(twice.status).toBe(401);
    expect((await send(id, body, [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', good.toUpperCase().replace('SHA256=', 'sha256=')]])).status).toBe(401);
    expect(await server.stores.transcripts.list(`webhook:${id}`, { limit: 10 })).toEqual([]);
  });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])("should refuse the first version's signature of timestamp and body alone (%s)", async (_lang, text) => {
    const id = `v1-${++seq}`;
    const ts = String(nowSeconds());
    const body = JSON.stringify({ id: 'v1', text });
    const v1 = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex');
    const answer = await send(id, body, [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', v1]]);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('KEFU_AUTH');
    expect(await server.stores.conversations.get(`webhook:${id}`)).toBeNull();
    // The same request signed as the protocol now says is answered.
    expect((await send(id, body, signed(id, ts, body))).status).toBe(200);
  });

  it('should sign the path as sent: another spelling of the same thread is another request target', async () => {
    const id = `spelled-${++seq}`;
    const ts = nowSeconds();
    const body = JSON.stringify({ id: 's1', text: 'hello' });
    const headers = signed(id, ts, body);
    // `%2D` is "-": the router reaches the same thread, but the request line differs from what was signed.
    const respelled = `${server.url}${messagesPath(id).replace('-', '%2D')}`;
    const answer = await fetch(respelled, { method: 'POST', headers: [['Content-Type', 'application/json'], ...headers], body });
    expect(answer.status).toBe(401);
    expect(await server.stores.conversations.get(`webhook:${id}`)).toBeNull();
  });
});
