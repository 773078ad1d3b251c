/**
 * The Bot Framework channel against the real server: Activities POSTed to /api/messages with real
 * fetch, and a small HTTP server in the test that plays the Bot Connector (it records what the
 * adapter posts back) and publishes the OpenID metadata and signing keys botbuilder trusts, so
 * that nothing reaches the internet.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { CloudAdapter } from 'botbuilder';
import { BotFrameworkPusher, FailClosedAuthentication, ReferenceStore } from '../../src/channels/botframework';
import type { BotFrameworkConfig } from '../../src/config';
import type { ChatActivity } from '../../src/core/conversation';
import { Responses } from '../../src/domain/responses';
import { printLine, setPrintLine } from '../../src/log';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Json = Record<string, any>;

interface Posted {
  conversationId: string;
  replyToId?: string;
  body: Json;
}

const TRUSTED_KID = 'kefu-test-key';
const APP_ID = 'kefu-test-app-id';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const EMULATOR_ISSUER = 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/';

const rsa = (): { privateKey: KeyObject; publicKey: KeyObject } => generateKeyPairSync('rsa', { modulusLength: 2048 });
const trusted = rsa();
const untrusted = rsa();

/** Plays the Bot Connector (`/v3/conversations/…`) and the OpenID metadata endpoint. */
class FakeConnector {
  readonly posted: Posted[] = [];
  metadataFetches = 0;
  url = '';
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  repliesTo(activityId: string): Json[] {
    return this.posted.filter((p) => p.replyToId === activityId).map((p) => p.body);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (body: unknown): void => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && req.url === '/openid') {
        this.metadataFetches++;
        return send({ issuer: CHANNEL_ISSUER, jwks_uri: `${this.url}/keys` });
      }
      if (req.method === 'GET' && req.url === '/keys') {
        return send({ keys: [{ ...trusted.publicKey.export({ format: 'jwk' }), kid: TRUSTED_KID, use: 'sig' }] });
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !m) {
        res.writeHead(404);
        return void res.end();
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json;
      this.posted.push({ conversationId: decodeURIComponent(m[1]), ...(m[2] ? { replyToId: decodeURIComponent(m[2]) } : {}), body });
      send({ id: `sent-${this.posted.length}` });
    });
  }
}

let seq = 0;

/** A channel's Activity to the bot; `overrides` replace fields (from, channelId, text…). */
function activity(connector: FakeConnector, overrides: Json = {}): Json {
  seq += 1;
  return {
    type: 'message',
    id: `act-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl: connector.url,
    from: { id: `shopper-${seq}`, name: '王小明' },
    recipient: { id: 'kefu-bot', name: 'kefu' },
    conversation: { id: `conv-${seq}` },
    text: '你好',
    ...overrides,
  };
}

async function post(server: TestServer, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json | null }> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Json) : null };
}

const messagesOf = (replies: Json[]): Json[] => replies.filter((r) => r.type === 'message');
const conversationIdOf = (a: Json): string => `botframework:${a.channelId}:${a.from.id}`;

async function transcript(server: TestServer, a: Json): Promise<ChatActivity[]> {
  return server.stores.transcripts.list(conversationIdOf(a), { limit: 100 });
}

const b64url = (v: Buffer | string): string => Buffer.from(v).toString('base64url');

/** A JWT; RS256-signed with `key`, or unsigned for `alg: none`. */
function jwt(header: Json, claims: Json, key?: KeyObject): string {
  const data = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  return `${data}.${key ? b64url(sign('sha256', Buffer.from(data), key)) : ''}`;
}

describe('Bot Framework channel (POST /api/messages)', () => {
  describe('without an app id, unauthenticated requests allowed for the Emulator (KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED)', () => {
    let connector: FakeConnector;
    let server: TestServer;
    beforeAll(async () => {
      connector = await new FakeConnector().start();
      server = await startTestServer({ production: false, botFramework: { allowUnauthenticated: true } });
    });
    afterAll(async () => {
      await server?.close();
      await connector?.close();
    });

    it('should answer a zh message with typing, then text and suggested postBacks, in a conversation of channel botframework', async () => {
      const a = activity(connector, { text: '你好', locale: 'zh-CN' });
      expect((await post(server, a)).status).toBe(200);
      const replies = connector.repliesTo(a.id);
      expect(replies[0].type).toBe('typing');
      const messages = messagesOf(replies);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages[0].text).toMatch(/\p{Script=Han}/u);
      expect(messages[0].locale).toBe('zh');
      expect(messages[0].conversation.id).toBe(a.conversation.id);
      expect(messages[0].recipient.id).toBe(a.from.id);
      const actions = messages.flatMap((m) => m.suggestedActions?.actions ?? []);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) expect(action).toMatchObject({ type: 'postBack', value: expect.stringMatching(/^intent:/) });

      const conversation = await server.stores.conversations.get(conversationIdOf(a));
      // The channel's display name never signs anyone in.
      expect(conversation).toMatchObject({ channel: 'botframework', customerId: null });
      const stored = await transcript(server, a);
      expect(stored.find((s) => s.id === a.id)).toMatchObject({ text: '你好', from: { role: 'user' } });
      expect(stored.filter((s) => s.replyToId === a.id && s.type === 'message').map((s) => s.text)).toEqual(messages.map((m) => m.text));
    });

    it('should answer an en message in English', async () => {
      const a = activity(connector, { text: 'hello, what can you do?', locale: 'en-US' });
      expect((await post(server, a)).status).toBe(200);
      const messages = messagesOf(connector.repliesTo(a.id));
      expect(messages.length).toBeGreaterThan(0);
      expect(messages[0].locale).toBe('en');
      expect(messages.map((m) => m.text).join(' ')).not.toMatch(/\p{Script=Han}/u);
    });

    it.each([
      ['zh', '推荐一款3000以内的手机'],
      ['en', 'recommend noise-cancelling headphones under 2000'],
    ])('should show a %s recommendation as Hero cards with the product, its price, image and link', async (_locale, text) => {
      const a = activity(connector, { text });
      expect((await post(server, a)).status).toBe(200);
      const withCards = messagesOf(connector.repliesTo(a.id)).find((m) => m.attachments?.length);
      expect(withCards).toBeDefined();
      expect(withCards!.attachmentLayout).toBe('carousel');
      const stored = (await transcript(server, a)).find((s) => s.replyToId === a.id && s.attachments?.length)!;
      const products = stored.attachments!.filter((c) => c.contentType === 'application/vnd.kefu.product+json').map((c) => c.content);
      expect(products.length).toBeGreaterThanOrEqual(3);
      const heroes = withCards!.attachments.filter((c: Json) => c.contentType === 'application/vnd.microsoft.card.hero').map((c: Json) => c.content);
      expect(heroes.map((h: Json) => h.title)).toEqual(products.map((p) => p.title));
      heroes.forEach((hero: Json, i: number) => {
        expect(hero.subtitle).toContain((products[i].price as number).toLocaleString('en-US'));
        expect(hero.images[0].url).toBe(products[i].imageUrl);
        expect(hero.buttons[0]).toMatchObject({ type: 'openUrl', value: products[i].url });
      });
    });

    it('should run the action of a tapped postBack, as a value or as the hidden text Web Chat sends', async () => {
      const user = { id: 'tapper' };
      const greet = activity(connector, { from: user, text: '你好' });
      await post(server, greet);
      const recommend = messagesOf(connector.repliesTo(greet.id))
        .flatMap((m) => m.suggestedActions?.actions ?? [])
        .find((x: Json) => x.value.includes('product.recommend')) as Json;
      expect(recommend).toBeDefined();
      for (const tap of [{ value: recommend.value, text: undefined }, { text: recommend.value, channelData: { postBack: true } }]) {
        const a = activity(connector, { from: user, ...tap });
        expect((await post(server, a)).status).toBe(200);
        expect(messagesOf(connector.repliesTo(a.id)).length).toBeGreaterThan(0);
        const stored = await transcript(server, a);
        expect(stored.find((s) => s.id === a.id)).toMatchObject({ value: recommend.value });
        expect(stored.find((s) => s.id === a.id)?.text).toBeUndefined();
        const reply = stored.find((s) => s.replyToId === a.id && s.type === 'message');
        expect(reply?.channelData?.intent).toMatchObject({ name: 'product.recommend' });
      }
    });

    it('should process the same activity id once', async () => {
      const a = activity(connector, { text: 'hi' });
      expect((await post(server, a)).status).toBe(200);
      const first = connector.repliesTo(a.id).length;
      expect(first).toBeGreaterThan(1);
      expect((await post(server, a)).status).toBe(200);
      expect(connector.repliesTo(a.id)).toHaveLength(first);
      const stored = await transcript(server, a);
      expect(stored.filter((s) => s.id === a.id)).toHaveLength(1);
      expect(stored.filter((s) => s.replyToId === a.id)).toHaveLength(first - 1);
    });

    it('should give a channel without cards (sms) plain text with links and a numbered menu it understands', async () => {
      const user = { id: '+8613800000000' };
      const greet = activity(connector, { channelId: 'sms', from: user, text: '你好' });
      await post(server, greet);
      const greeting = messagesOf(connector.repliesTo(greet.id));
      expect(greeting.every((m) => !m.attachments?.length && !m.suggestedActions)).toBe(true);
      expect(greeting.at(-1)!.text).toMatch(/回复数字即可选择：\n1\. /);
      const menu = (await transcript(server, greet)).filter((s) => s.replyToId === greet.id).at(-1)!.suggestedActions!.actions;

      const two = activity(connector, { channelId: 'sms', from: user, text: '2' });
      await post(server, two);
      expect((await transcript(server, two)).find((s) => s.id === two.id)).toMatchObject({ value: menu[1].value });

      const ask = activity(connector, { channelId: 'sms', from: user, text: '推荐一款3000以内的手机' });
      await post(server, ask);
      const text = messagesOf(connector.repliesTo(ask.id)).map((m) => m.text).join('\n');
      expect(text).toMatch(/https:\/\/demo\.kefu\.shop\/p\/P\d+/);
      expect(messagesOf(connector.repliesTo(ask.id)).some((m) => m.attachments?.length)).toBe(false);
    });

    it('should give Teams the actions as messageBack buttons and take the tap back', async () => {
      const user = { id: '29:teams-user' };
      const greet = activity(connector, { channelId: 'msteams', from: user, text: 'hello' });
      await post(server, greet);
      const messages = messagesOf(connector.repliesTo(greet.id));
      expect(messages.some((m) => m.suggestedActions)).toBe(false);
      const buttons = messages.flatMap((m) => m.attachments ?? []).flatMap((c: Json) => c.content.buttons ?? []);
      expect(buttons.length).toBeGreaterThan(0);
      for (const b of buttons) expect(b).toMatchObject({ type: 'messageBack', value: { postback: expect.stringMatching(/^intent:/) } });
      const tap = activity(connector, { channelId: 'msteams', from: user, text: buttons[0].text, value: buttons[0].value });
      await post(server, tap);
      expect((await transcript(server, tap)).find((s) => s.id === tap.id)).toMatchObject({ value: buttons[0].value.postback });
    });

    it.each([
      ['a group conversation', { conversation: { id: 'team-chat', isGroup: true } }, /私聊.*one-to-one/s],
      ['a message without text', { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/a.png' }] }, /文字.*text/s],
      ['text that is an object', { text: { $gt: '' } }, /文字.*text/s],
    ])('should answer %s with a notice in both languages and store nothing', async (_what, overrides, notice) => {
      const a = activity(connector, overrides);
      expect((await post(server, a)).status).toBe(200);
      const messages = messagesOf(connector.repliesTo(a.id));
      expect(messages).toHaveLength(1);
      expect(messages[0].text).toMatch(notice);
      expect(await server.stores.conversations.get(conversationIdOf(a))).toBeNull();
    });

    it('should run no turn for a conversationUpdate (no welcome, no conversation)', async () => {
      const a = activity(connector, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'kefu-bot' }, { id: 'newcomer' }] });
      expect((await post(server, a)).status).toBe(200);
      expect(connector.repliesTo(a.id)).toHaveLength(0);
      expect(await server.stores.conversations.get(conversationIdOf(a))).toBeNull();
    });

    it('should refuse bodies that are not activities with 400 or 413, and interpret no keys', async () => {
      const before = connector.posted.length;
      expect(await post(server, '{"type": "message",')).toMatchObject({ status: 400, json: { error: { code: 'KEFU_BAD_REQUEST' } } });
      expect((await post(server, [activity(connector)])).status).toBe(400);
      const { serviceUrl: _s, ...noServiceUrl } = activity(connector);
      expect(await post(server, noServiceUrl)).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining('serviceUrl') } } });
      expect((await post(server, activity(connector, { serviceUrl: 'file:///etc/passwd' }))).status).toBe(400);
      expect((await post(server, activity(connector, { channelId: { $ne: null } }))).status).toBe(400);
      expect((await post(server, activity(connector, { text: 'x'.repeat(300 * 1024) }))).status).toBe(413);
      const polluting = `{"__proto__": {"polluted": true}, ${JSON.stringify(activity(connector, { text: 'hi' })).slice(1)}`;
      expect((await post(server, polluting)).status).toBe(200);
      expect(({} as Json).polluted).toBeUndefined();
      expect(connector.posted.length - before).toBeGreaterThan(0);
    });

    it('should push an agent message to the shopper at the stored conversation reference', async () => {
      const a = activity(connector, { from: { id: 'push-shopper' }, conversation: { id: 'conv-push' }, text: '转人工' });
      await post(server, a);
      const conversationId = conversationIdOf(a);
      const stored = await server.stores.state.read([ReferenceStore.key(conversationId)]);
      expect(stored[ReferenceStore.key(conversationId)]).toMatchObject({ reference: { channelId: 'webchat', serviceUrl: connector.url, conversation: { id: 'conv-push' } } });

      const pusher = new BotFrameworkPusher({
        adapter: new CloudAdapter(new FailClosedAuthentication({})),
        references: new ReferenceStore(server.stores.state),
        appId: '',
        responses: Responses.load(path.join(__dirname, '../../dialogs')),
      });
      const agent: ChatActivity = {
        type: 'message',
        id: 'agent-msg-1',
        timestamp: new Date().toISOString(),
        conversationId,
        from: { id: 'staff-1', role: 'agent', name: '小王' },
        text: '您好，我是客服小王，请问有什么可以帮您？',
      };
      expect(await pusher.push(agent)).toBe(true);
      // The text starts with who wrote it: 小王（人工客服）：
      const pushed = connector.posted.filter((p) => p.body.text === `小王（人工客服）：\n${agent.text}`);
      expect(pushed).toEqual([
        { conversationId: 'conv-push', replyToId: expect.any(String), body: expect.objectContaining({ type: 'message', recipient: expect.objectContaining({ id: 'push-shopper' }) }) },
      ]);
      expect(await pusher.push({ ...agent, conversationId: 'botframework:webchat:never-wrote' })).toBe(false);
    });
  });

  describe('with an app id (production)', () => {
    let connector: FakeConnector;
    let server: TestServer;
    const printed: string[] = [];
    const print = printLine;
    const deadPort = http.createServer();
    let consoleError: jest.SpyInstance;

    beforeAll(async () => {
      connector = await new FakeConnector().start();
      // A port that was open and is closed: loading the Emulator's signing keys fails at once.
      await new Promise<void>((resolve) => deadPort.listen(0, '127.0.0.1', resolve));
      const closedPort = (deadPort.address() as AddressInfo).port;
      await new Promise<void>((resolve) => deadPort.close(() => resolve()));
      const settings: BotFrameworkConfig = {
        appId: APP_ID,
        appPassword: 'not-a-real-secret',
        toBotFromChannelOpenIdMetadataUrl: `${connector.url}/openid`,
        toBotFromEmulatorOpenIdMetadataUrl: `http://127.0.0.1:${closedPort}/openid`,
      };
      server = await startTestServer({ production: true, botFramework: settings });
      setPrintLine((line) => printed.push(line));
      // botbuilder prints each refusal with console.error; the assertions below are on behaviour.
      consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    });
    afterAll(async () => {
      consoleError?.mockRestore();
      setPrintLine(print);
      await server?.close();
      await connector?.close();
    });

    const now = (): number => Math.floor(Date.now() / 1000);
    const claims = (connectorUrl: string, extra: Json = {}): Json => ({
      iss: CHANNEL_ISSUER,
      aud: APP_ID,
      serviceurl: connectorUrl,
      nbf: now() - 60,
      exp: now() + 3600,
      ...extra,
    });
    const rs256 = (kid: string): Json => ({ alg: 'RS256', typ: 'JWT', kid });

    const refusals: [string, (url: string) => string | undefined][] = [
      ['no Authorization header', () => undefined],
      ['a Basic scheme', () => 'Basic a2VmdTprZWZ1'],
      ['a token with alg none', (url) => `Bearer ${jwt({ alg: 'none', typ: 'JWT' }, claims(url))}`],
      ['a token with alg none under the trusted key id', (url) => `Bearer ${jwt({ alg: 'none', typ: 'JWT', kid: TRUSTED_KID }, claims(url))}`],
      ['a token signed by a key botbuilder does not trust', (url) => `Bearer ${jwt(rs256('someone-elses-key'), claims(url), untrusted.privateKey)}`],
      ['a token signed by another key under the trusted key id', (url) => `Bearer ${jwt(rs256(TRUSTED_KID), claims(url), untrusted.privateKey)}`],
      ['a trusted token with a wrong audience', (url) => `Bearer ${jwt(rs256(TRUSTED_KID), claims(url, { aud: 'another-bot' }), trusted.privateKey)}`],
      ['a trusted token for another serviceUrl', (url) => `Bearer ${jwt(rs256(TRUSTED_KID), claims(url, { serviceurl: 'https://evil.example.com' }), trusted.privateKey)}`],
      ['an expired trusted token', (url) => `Bearer ${jwt(rs256(TRUSTED_KID), claims(url, { nbf: now() - 7200, exp: now() - 3600 }), trusted.privateKey)}`],
      [
        'an Emulator token whose signing keys cannot be loaded',
        (url) => `Bearer ${jwt(rs256(TRUSTED_KID), claims(url, { iss: EMULATOR_ISSUER, ver: '1.0', appid: APP_ID }), trusted.privateKey)}`,
      ],
    ];

    it.each(refusals)('should answer %s with 401 and run no turn', async (_what, token) => {
      const a = activity(connector, { text: '我的订单DD20261101008到哪了' });
      const authorization = token(connector.url);
      const started = Date.now();
      const { status, json } = await post(server, a, authorization ? { Authorization: authorization } : {});
      const elapsed = Date.now() - started;
      expect(status).toBe(401);
      expect(json).toEqual({ error: { code: 'KEFU_AUTH', message: expect.any(String) } });
      expect(elapsed).toBeLessThan(2000);
      expect(connector.posted).toHaveLength(0);
      expect(await server.stores.conversations.get(conversationIdOf(a))).toBeNull();
      expect(await transcript(server, a)).toHaveLength(0);
    });

    it('should have loaded the signing keys from the configured metadata, not from the internet', () => {
      expect(connector.metadataFetches).toBeGreaterThanOrEqual(1);
      // jsonwebtoken's refusals are not botbuilder AuthenticationErrors: kefu turns them into 401s.
      expect(printed.some((l) => /could not be verified/.test(l))).toBe(true);
    });

    it('should accept a token signed by the trusted key for this app id', async () => {
      // A conversationUpdate runs no turn, so no reply needs an outbound token from Azure AD.
      const a = activity(connector, { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'newcomer' }] });
      const token = jwt(rs256(TRUSTED_KID), claims(connector.url), trusted.privateKey);
      expect((await post(server, a, { Authorization: `Bearer ${token}` })).status).toBe(200);
    });
  });

  describe('without an app id and without KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED (development)', () => {
    let connector: FakeConnector;
    let server: TestServer;
    beforeAll(async () => {
      connector = await new FakeConnector().start();
      server = await startTestServer({ production: false, botFramework: {} });
    });
    afterAll(async () => {
      await server?.close();
      await connector?.close();
    });

    it.each([
      ['zh', '你好'],
      ['en', 'hello'],
    ])('should disable the endpoint with 503, say how to enable it, and run no turn (%s)', async (_lang, text) => {
      const a = activity(connector, { text });
      const { status, json } = await post(server, a);
      expect(status).toBe(503);
      expect(json?.error).toMatchObject({ code: 'KEFU_UNAVAILABLE', message: expect.stringMatching(/KEFU_BOTFRAMEWORK_APP_ID.*KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true/s) });
      expect(connector.posted).toHaveLength(0);
      expect(await server.stores.conversations.get(conversationIdOf(a))).toBeNull();
    });
  });

  describe('in production without an app id', () => {
    let connector: FakeConnector;
    let server: TestServer;
    const printed: string[] = [];
    const print = printLine;
    beforeAll(async () => {
      connector = await new FakeConnector().start();
      setPrintLine((line) => printed.push(line));
      // The flag is for local testing: production ignores it.
      server = await startTestServer({ production: true, botFramework: { allowUnauthenticated: true } });
    });
    afterAll(async () => {
      setPrintLine(print);
      await server?.close();
      await connector?.close();
    });

    it('should disable the endpoint, say why, and run no turn', async () => {
      const a = activity(connector, { text: '你好' });
      const { status, json } = await post(server, a);
      expect(status).toBe(503);
      expect(json?.error).toMatchObject({ code: 'KEFU_UNAVAILABLE', message: expect.stringMatching(/KEFU_BOTFRAMEWORK_APP_ID.*production/) });
      expect(printed.filter((l) => /Bot Framework endpoint is disabled/.test(l))).toHaveLength(1);
      expect(connector.posted).toHaveLength(0);
      expect(await server.stores.conversations.get(conversationIdOf(a))).toBeNull();
    });
  });
});
