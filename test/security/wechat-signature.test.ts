/**
 * WeChat's plain-text-mode signature against the real server. It covers the token, `timestamp` and
 * `nonce` only, not the body, and travels in the query string (which proxies log). A signed query
 * seen once must therefore not sign another message: not after its time has passed, and not for a
 * different message within it. WeChat's own retry of the same message with the same query passes.
 */
import { SignatureBindings } from '../../src/channels/wechat/signature-bindings';
import { wechatSignature } from '../../src/channels/wechat/wechat-signature';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';

const TOKEN = 'wechat-security-token';
const ACCOUNT = 'gh_kefu_security';
const now = (): number => Math.floor(Date.now() / 1000);
let msgId = 8_100_000_000_000_000;
let users = 0;

/** A query as WeChat signs it (`openid` is not part of the signature). */
function signedQuery(openId: string, timestamp = now(), nonce = String(Math.floor(Math.random() * 1e9))): string {
  return new URLSearchParams({ signature: wechatSignature(TOKEN, String(timestamp), nonce), timestamp: String(timestamp), nonce, openid: openId }).toString();
}

function textXml(openId: string, text: string, id: number): string {
  return (
    `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName>` +
    `<CreateTime>${now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${id}</MsgId></xml>`
  );
}

describe('WeChat signature replay', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wechat: { token: TOKEN, apiBase: 'http://127.0.0.1:9' } });
  });
  afterAll(async () => server.close());

  async function post(query: string, body: string): Promise<{ status: number; text: string }> {
    const res = await fetch(`${server.url}/channels/wechat?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body });
    return { status: res.status, text: await res.text() };
  }

  /** A shopper who verified an order on WeChat; resolves with the query of their last message. */
  async function verifiedShopper(ask: string): Promise<{ openId: string; query: string; order: ReturnType<typeof orderWith> }> {
    const openId = `oVictim_${++users}_${Date.now().toString(36)}`;
    const order = orderWith(['shipped']);
    expect((await post(signedQuery(openId), textXml(openId, ask.replace('{id}', order.id), ++msgId))).status).toBe(200);
    const query = signedQuery(openId);
    const shown = await post(query, textXml(openId, lastFour(customerOf(order)), ++msgId));
    expect(shown.text).toContain(order.shipping!.trackingNumber!);
    return { openId, query, order };
  }

  it.each([
    ['zh', '帮我查下订单{id}到哪了'],
    ['en', 'where is my order {id}'],
  ])('should refuse a captured query that signs a different message (%s)', async (_lang, ask) => {
    const { openId, query, order } = await verifiedShopper(ask);
    const before = await server.stores.transcripts.list(`wechat:${openId}`, { limit: 100 });
    // Someone who read the query (a proxy log) writes as the shopper, with their own words.
    const forged = await post(query, textXml(openId, ask.replace('{id}', order.id), ++msgId));
    expect(forged.status).toBe(401);
    expect(forged.text).not.toContain(order.shipping!.trackingNumber!);
    expect(await server.stores.transcripts.list(`wechat:${openId}`, { limit: 100 })).toHaveLength(before.length);
    // …or as anyone else.
    const stranger = `oStranger_${++users}`;
    expect((await post(new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(query)), openid: stranger }).toString(), textXml(stranger, '你好', ++msgId))).status).toBe(401);
    expect(await server.stores.conversations.get(`wechat:${stranger}`)).toBeNull();
  });

  it('should answer WeChat retrying the same message with the same query, every time', async () => {
    const openId = `oRetry_${++users}`;
    const query = signedQuery(openId);
    const body = textXml(openId, '你好', ++msgId);
    const first = await post(query, body);
    const again = await post(query, body);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.text).toBe(first.text.replace(/<CreateTime>\d+<\/CreateTime>/, (m) => (again.text.match(/<CreateTime>\d+<\/CreateTime>/)?.[0] ?? m)));
  });

  it('should refuse a signed query whose timestamp is more than 5 minutes away, and accept one within', async () => {
    const openId = `oStale_${++users}`;
    for (const skew of [-3600, -301, 301, 86_400]) {
      const answer = await post(signedQuery(openId, now() + skew), textXml(openId, '你好', ++msgId));
      expect([skew, answer.status]).toEqual([skew, 401]);
    }
    expect(await server.stores.conversations.get(`wechat:${openId}`)).toBeNull();
    const stale = await fetch(`${server.url}/channels/wechat?${signedQuery(openId, now() - 3600)}&echostr=42`);
    expect(stale.status).toBe(401);
    expect((await post(signedQuery(openId, now() - 240), textXml(openId, '你好', ++msgId))).status).toBe(200);
  });
});

describe('SignatureBindings', () => {
  it('should bind a signature to its first message, keep refusing others, and forget it after the window', () => {
    let t = 1_700_000_000_000;
    const bindings = new SignatureBindings({ windowSeconds: 300, maxEntries: 3, now: () => t });
    const ts = t / 1000;
    expect(bindings.bind('sig-a', ts, 'oA\n1')).toBe('ok');
    expect(bindings.bind('sig-a', ts, 'oA\n1')).toBe('ok'); // WeChat's retry
    expect(bindings.bind('sig-a', ts, 'oB\n2')).toBe('reused');
    expect(bindings.bind('sig-a', ts, 'oB\n2')).toBe('reused'); // a refusal binds nothing
    expect(bindings.bind('sig-b', ts, 'oB\n2')).toBe('ok');
    expect(bindings.bind('sig-c', ts, 'oC\n3')).toBe('ok');
    expect(bindings.bind('sig-d', ts, 'oD\n4')).toBe('full'); // bounded: refused, nothing forgotten early
    expect(bindings.bind('sig-a', ts, 'oB\n2')).toBe('reused');
    t += 300_001;
    expect(bindings.bind('sig-d', t / 1000, 'oD\n4')).toBe('ok');
  });
});
