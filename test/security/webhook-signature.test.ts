/**
 * The webhook API's signature against the real server: it is checked over the exact bytes that
 * arrived (not over JSON parsed and written again), before the body is parsed, and a header given
 * twice counts as no header.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { nowSeconds, webhookSignature } from '../helpers/webhook-client';

const SECRET = 'security-webhook-secret';
let seq = 0;

describe('webhook signature', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: SECRET });
  });
  afterAll(async () => server.close());

  const send = (conversationId: string, body: string, headers: [string, string][]) =>
    fetch(`${server.url}/api/v1/conversations/${conversationId}/messages`, { method: 'POST', headers: [['Content-Type', 'application/json'], ...headers], body });

  it.each([
    ['zh', '{ "text" : "\\u4f60\\u597d" ,\n  "id":"raw-zh" }'],
    ['en', '{"id":"raw-en",   "text":"hello\\u0021"}\n'],
  ])('should verify the bytes as sent, not a re-serialised copy (%s)', async (_lang, raw) => {
    const id = `raw-${++seq}`;
    const ts = nowSeconds();
    const rawSignature = webhookSignature(SECRET, ts, raw);
    const ok = await send(id, raw, [['X-Kefu-Timestamp', String(ts)], ['X-Kefu-Signature', rawSignature]]);
    expect(ok.status).toBe(200);
    // The same message written the way JSON.stringify writes it is other bytes: its signature is not the raw one's.
    const rewritten = JSON.stringify(JSON.parse(raw));
    expect(rewritten).not.toBe(raw);
    const other = `raw-${++seq}`;
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
    expect((await send(id, '{"id":', [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', webhookSignature(SECRET, ts, '{"id":')]])).status).toBe(400);
    const body = JSON.stringify({ id: 'twice', text: 'hello' });
    const good = webhookSignature(SECRET, ts, body);
    const twice = await send(id, body, [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', good], ['X-Kefu-Signature', good]]);
    expect(twice.status).toBe(401);
    expect((await send(id, body, [['X-Kefu-Timestamp', ts], ['X-Kefu-Signature', good.toUpperCase().replace('SHA256=', 'sha256=')]])).status).toBe(401);
    expect(await server.stores.transcripts.list(`webhook:${id}`, { limit: 10 })).toEqual([]);
  });
});
