/**
 * Issue 14, finding 7 (tokens), against the real server: a `customerToken` without `exp`, with a
 * non-numeric `exp`, living longer than the shop allows, or with junk after its signature used to
 * sign a shopper in for ever. Now the `/chat` handshake and the webhook both refuse each with
 * `KEFU_AUTH` and say why, and a proper token still signs the shopper in.
 */
import { createHmac } from 'node:crypto';
import { signCustomerToken } from '../../src/auth/customer-token';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, TEST_SECRET, type TestServer } from '../helpers/test-server';
import { WebhookClient } from '../helpers/webhook-client';

const WEBHOOK_SECRET = 'customer-token-webhook-secret';
const now = (): number => Math.floor(Date.now() / 1000);
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
function mint(payload: unknown, header: unknown = { alg: 'HS256', typ: 'JWT' }): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', TEST_SECRET).update(body).digest('base64url')}`;
}

/** Each token that must be refused, and the reason the refusal gives. */
const REFUSED: [string, () => string, RegExp][] = [
  ['no exp', () => mint({ sub: 'C001' }), /exp is required/],
  ['exp as a string', () => mint({ sub: 'C001', exp: String(now() + 600) }), /exp must be a whole number/],
  ['exp as a fraction', () => mint({ sub: 'C001', exp: now() + 600.5 }), /exp must be a whole number/],
  ['a 30-day lifetime', () => signCustomerToken('C001', TEST_SECRET, 30 * 86400), /lives longer/],
  ['junk after the signature', () => `${signCustomerToken('C001', TEST_SECRET)}junk`, /bad signature/],
  ['a fourth segment', () => `${signCustomerToken('C001', TEST_SECRET)}.e30`, /malformed/],
  ['padding', () => `${signCustomerToken('C001', TEST_SECRET)}=`, /malformed/],
  ['a key id in the header', () => mint({ sub: 'C001', exp: now() + 600 }, { alg: 'HS256', kid: 'other' }), /header may hold only/],
  ['an array payload', () => mint(['C001']), /not a JSON object/],
];

describe('KEFU_CUSTOMER_TOKEN_MAX_HOURS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: WEBHOOK_SECRET, customerTokenMaxHours: 48 });
  });
  afterAll(async () => server.close());

  it('should accept a 30-hour token where the shop allows 48 hours, on /chat and the webhook', async () => {
    const token = signCustomerToken('C001', TEST_SECRET, 30 * 3600);
    const client = await ChatClient.connect(server.url, { customerToken: token, locale: 'en' });
    client.close();
    const answer = await new WebhookClient(server.url, WEBHOOK_SECRET).post('token-30h', { id: 'm1', text: '你好', customerToken: token });
    expect(answer.status).toBe(200);
  });

  it('should still refuse a token living past the shop’s 48 hours', async () => {
    const token = signCustomerToken('C001', TEST_SECRET, 50 * 3600);
    await expect(ChatClient.connect(server.url, { customerToken: token })).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
  });
});

describe('customerToken at the server’s doors', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ webhookSecret: WEBHOOK_SECRET });
  });
  afterAll(async () => server.close());

  it.each(REFUSED)('should refuse a token with %s at the /chat handshake with KEFU_AUTH', async (_, token, reason) => {
    const refused = ChatClient.connect(server.url, { customerToken: token() });
    await expect(refused).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' }, message: expect.stringMatching(reason) });
  });

  it.each(REFUSED)('should refuse a token with %s on the webhook with 401 KEFU_AUTH', async (name, token, reason) => {
    const hook = new WebhookClient(server.url, WEBHOOK_SECRET);
    const answer = await hook.post(`token-${name.replace(/\W+/g, '-')}`, { id: 'm1', text: 'hello', customerToken: token() });
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: 'KEFU_AUTH', message: expect.stringMatching(reason) });
  });

  it('should still sign a shopper in with a proper token, in zh and en', async () => {
    for (const locale of ['zh', 'en']) {
      const client = await ChatClient.connect(server.url, { customerToken: signCustomerToken('C001', TEST_SECRET, 3600), locale });
      try {
        await client.say(locale === 'zh' ? '你好' : 'hello');
        expect((await server.stores.conversations.get(client.session.conversationId))?.customerId).toBe('C001');
      } finally {
        client.close();
      }
    }
  });
});
