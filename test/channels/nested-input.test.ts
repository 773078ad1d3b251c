/**
 * Input nested thousands of levels deep, on every channel of one real server: `JSON.parse` reads
 * it, but anything recursive after it would overflow the stack and answer `KEFU_INTERNAL`. Each
 * channel must refuse it as a bad request instead, store nothing, and stay up.
 */
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { WebhookClient } from '../helpers/webhook-client';
import { wechatSignature } from '../../src/channels/wechat/wechat-signature';

const WEBHOOK_SECRET = 'nested-webhook-secret';
const WECHAT_TOKEN = 'nested-wechat-token';

const deepArray = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

let ackSeq = 900_000;
/**
 * Emits `event` with a payload written as raw JSON and resolves with the server's ack. The
 * socket.io client cannot send such a payload itself (its encoder recurses looking for binary),
 * so the frame is written on the engine as an attacker would: `2/chat,{ackId}[event, payload]`.
 */
function rawEmit(client: ChatClient, event: string, payloadJson: string): Promise<unknown> {
  const id = ++ackSeq;
  const engine = client.socket.io.engine;
  const prefix = `3/chat,${id}`;
  return new Promise((resolve, reject) => {
    const onPacket = (packet: { type: string; data?: unknown }): void => {
      if (packet.type !== 'message' || typeof packet.data !== 'string' || !packet.data.startsWith(prefix)) return;
      engine.off('packet', onPacket);
      clearTimeout(timer);
      resolve((JSON.parse(packet.data.slice(prefix.length)) as unknown[])[0]);
    };
    const timer = setTimeout(() => {
      engine.off('packet', onPacket);
      reject(new Error(`no ack for ${event}`));
    }, 10_000);
    engine.on('packet', onPacket);
    engine.write(`2/chat,${id}[${JSON.stringify(event)},${payloadJson}]`);
  });
}

describe('input nested thousands of levels deep', () => {
  let server: TestServer;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      webhookSecret: WEBHOOK_SECRET,
      wechat: { token: WECHAT_TOKEN, apiBase: 'http://127.0.0.1:9' },
      botFramework: { allowUnauthenticated: true },
    });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => server?.close());

  const connect = async (locale: 'zh' | 'en'): Promise<ChatClient> => {
    const client = await ChatClient.connect(server.url, { locale });
    clients.push(client);
    return client;
  };

  describe.each(['zh', 'en'] as const)('socket.io postback (%s)', (locale) => {
    it.each([
      ['a value nested 20,000 deep', `{"value":${deepArray(20_000)}}`],
      ['data nested 20,000 deep in arrays', `{"value":"intent:greet","data":${deepArray(20_000)}}`],
      ['data nested 10,000 deep in objects (the frame limit is 64 KiB)', `{"value":"intent:greet","data":{"order":${deepObject(10_000)}}}`],
      ['data 17 levels deep', `{"value":"intent:greet","data":${deepArray(17)}}`],
      ['data of 5,000 small values', `{"value":"intent:greet","data":[${Array(5000).fill(0).join(',')}]}`],
    ])('should refuse %s with KEFU_BAD_REQUEST, store nothing, and answer the next message', async (_what, payload) => {
      const shopper = await connect(locale);
      const ack = await rawEmit(shopper, 'postback', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'KEFU_BAD_REQUEST' } });
      expect((await shopper.history()).filter((a) => a.from.role === 'user')).toEqual([]);
      const turn = await shopper.say(locale === 'zh' ? '你好' : 'hello');
      expect(turn.messages.length).toBeGreaterThan(0);
    });

    it('should still take postback data of a few levels', async () => {
      const shopper = await connect(locale);
      const ack = await shopper.emit('postback', { value: 'intent:greet', data: { card: { actions: [{ id: 1 }] } } });
      expect(ack).toMatchObject({ ok: true });
    });
  });

  it.each([
    ['zh', '你好', deepArray(15_000)],
    ['en', 'hello', deepObject(5_000)],
  ])('should refuse webhook postback data nested thousands deep with 400 (%s)', async (_lang, _text, deep) => {
    const hook = new WebhookClient(server.url, WEBHOOK_SECRET);
    const id = `nested-${Date.now().toString(36)}`;
    const raw = `{"id":"n1","postback":{"value":"intent:greet","data":${deep}}}`;
    const answer = await hook.post(id, raw);
    expect(answer.status).toBe(400);
    expect(answer.body.error?.code).toBe('KEFU_BAD_REQUEST');
    expect(await server.stores.conversations.get(`webhook:${id}`)).toBeNull();
  });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])('should refuse a Bot Framework activity whose channelData is nested 20,000 deep with 400 (%s)', async (_lang, text) => {
    const port = new URL(server.url).port;
    const activity = JSON.stringify({
      type: 'message',
      id: `deep-${text.length}`,
      channelId: 'emulator',
      serviceUrl: 'http://127.0.0.1:9',
      from: { id: `deep-user-${text.length}` },
      recipient: { id: 'kefu-bot' },
      conversation: { id: 'deep-conv' },
      text,
    });
    const body = `${activity.slice(0, -1)},"channelData":${deepArray(20_000)}}`;
    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('KEFU_BAD_REQUEST');
    expect(await server.stores.conversations.get(`botframework:emulator:deep-user-${text.length}`)).toBeNull();
  });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])('should refuse a WeChat message with elements nested 20,000 deep with 400 (%s)', async (_lang, text) => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    const openId = `o-deep-${text.length}`;
    const query = new URLSearchParams({ signature: wechatSignature(WECHAT_TOKEN, timestamp, nonce), timestamp, nonce, openid: openId });
    const nested = '<a>'.repeat(20_000) + '</a>'.repeat(20_000);
    const xml =
      `<xml><ToUserName><![CDATA[gh_kefu]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName>` +
      `<CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><Extra>${nested}</Extra></xml>`;
    const res = await fetch(`${server.url}/channels/wechat?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });
    expect(res.status).toBe(400);
    expect(await server.stores.conversations.get(`wechat:${openId}`)).toBeNull();
  });
});
