/**
 * The WeChat Official Account channel end to end: real servers on port 0, real `fetch`, messages
 * signed as WeChat signs them, and a small HTTP server in the test playing api.weixin.qq.com
 * (access tokens and the customer-service message API).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { wechatSignature } from '../../src/channels/wechat/wechat-signature';
import type { KefuConfig } from '../../src/config';
import type { ChatActivity } from '../../src/core/conversation';
import { priceText } from '../../src/dialogs/product-card';
import { Responses } from '../../src/domain/responses';
import type { Stores } from '../../src/core/stores';
import { customerOf, lastFour, orderWith, shop } from '../helpers/shop-fixture';
import { startTestServer } from '../helpers/test-server';

const responses = Responses.load(path.join(__dirname, '../../dialogs'));
/** What the channel itself says (`dialogs/channel.json`). */
const wechatNotice = (key: string, locale: 'zh' | 'en', vars: Record<string, number> = {}) => responses.text(locale, `channel.${key}`, vars);

const TOKEN = 'wechat-test-token';
const APP_ID = 'wx-test-app';
const APP_SECRET = 'wx-test-secret';
const ACCOUNT = 'gh_kefu_test';

/** A stand-in for api.weixin.qq.com: issues access tokens and records customer-service messages. */
class FakeWechatApi {
  readonly issued: string[] = [];
  readonly sent: { touser: string; content: string; tokenValid: boolean }[] = [];
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** The messages sent to `openId` once at least `count` have arrived. */
  async messagesTo(openId: string, count = 1, timeoutMs = 15_000): Promise<FakeWechatApi['sent']> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.sent.filter((m) => m.touser === openId);
      if (got.length >= count || Date.now() > deadline) return got;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      const ok =
        url.searchParams.get('grant_type') === 'client_credential' &&
        url.searchParams.get('appid') === APP_ID &&
        url.searchParams.get('secret') === APP_SECRET;
      if (!ok) return json({ errcode: 40013, errmsg: 'invalid appid' });
      const token = `ACCESS-${this.issued.length + 1}-${Date.now()}`;
      this.issued.push(token);
      return json({ access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const body = JSON.parse(raw) as { touser: string; msgtype: string; text: { content: string } };
        const tokenValid = this.issued.includes(url.searchParams.get('access_token') ?? '');
        if (body.msgtype === 'text') this.sent.push({ touser: body.touser, content: body.text.content, tokenValid });
        json(tokenValid ? { errcode: 0, errmsg: 'ok' } : { errcode: 40001, errmsg: 'invalid credential' });
      });
      return;
    }
    res.writeHead(404).end();
  }
}

interface Answer {
  status: number;
  body: string;
  contentType: string;
  fields: Record<string, string>;
}

/** The fields of a reply, read with a regular expression (not with the code under test). */
function fieldsOf(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const inner = /^<xml>([\s\S]*)<\/xml>$/.exec(xml)?.[1] ?? '';
  for (const m of inner.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) fields[m[1]] = m[2].replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  return fields;
}

let msgSeq = 7_000_000_000_000_000;
let userSeq = 0;
const newOpenId = (name: string): string => `o${name}_${++userSeq}_${Date.now().toString(36)}`;
const now = (): number => Math.floor(Date.now() / 1000);

/** One WeChat user writing to the Official Account, signed as WeChat signs. */
class WechatUser {
  constructor(
    private readonly baseUrl: string,
    readonly openId: string,
  ) {}

  get conversationId(): string {
    return `wechat:${this.openId}`;
  }

  query(extra: Record<string, string> = {}, token = TOKEN): string {
    const timestamp = String(now());
    const nonce = String(Math.floor(Math.random() * 1e9));
    return new URLSearchParams({
      signature: wechatSignature(token, timestamp, nonce),
      timestamp,
      nonce,
      openid: this.openId,
      ...extra,
    }).toString();
  }

  async post(body: string | Buffer, query = this.query()): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}/channels/wechat?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/xml' },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await res.text();
    return { status: res.status, body: text, contentType: res.headers.get('content-type') ?? '', fields: fieldsOf(text) };
  }

  xml(msgType: string, inner: string, createTime = now()): string {
    return (
      `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${this.openId}]]></FromUserName>` +
      `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[${msgType}]]></MsgType>${inner}</xml>`
    );
  }

  textXml(text: string, msgId: number): string {
    return this.xml('text', `<Content><![CDATA[${text}]]></Content><MsgId>${msgId}</MsgId>`);
  }

  /** Sends a text; resolves with the passive reply's text. */
  async say(text: string, msgId = ++msgSeq): Promise<string> {
    const answer = await this.post(this.textXml(text, msgId));
    expect(answer.status).toBe(200);
    return answer.fields.Content ?? '';
  }
}

/** Lines of a recommendation: "· title price …". */
const productLines = (text: string): string[] => text.split('\n').filter((l) => l.startsWith('· '));

/** A fake WeChat API and a server talking to it, per `describe`. */
function useWechatServer<S extends { url: string; stores: Stores; close(): Promise<void> }>(
  start: (wechat: KefuConfig['wechat']) => Promise<S>,
) {
  const fixture = {
    api: new FakeWechatApi(),
    server: undefined as unknown as S,
    user: (name: string) => new WechatUser(fixture.server.url, newOpenId(name)),
  };
  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    await fixture.api.start();
    fixture.server = await start({ token: TOKEN, appId: APP_ID, appSecret: APP_SECRET, apiBase: fixture.api.url });
  });
  afterAll(async () => {
    await fixture.server?.close();
    await fixture.api.close();
  });
  return fixture;
}

describe('WeChat channel', () => {
  const wx = useWechatServer((wechat) => startTestServer({ wechat }));
  const user = wx.user;

  describe('server verification (GET)', () => {
    it('should echo echostr as text when the signature is right', async () => {
      const shopper = user('verify');
      const res = await fetch(`${wx.server.url}/channels/wechat?${shopper.query({ echostr: '8421337264159' })}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('8421337264159');
    });

    it('should answer 401 to a wrong or missing signature', async () => {
      const shopper = user('verify');
      const wrongToken = await fetch(`${wx.server.url}/channels/wechat?${shopper.query({ echostr: 'x' }, 'not-the-token')}`);
      expect(wrongToken.status).toBe(401);
      expect(await wrongToken.text()).not.toContain('x"');
      const unsigned = await fetch(`${wx.server.url}/channels/wechat?timestamp=1&nonce=2&echostr=x`);
      expect(unsigned.status).toBe(401);
    });
  });

  describe('messages (POST)', () => {
    it('should answer a text with a passive XML reply addressed back to the sender', async () => {
      const shopper = user('hello');
      const answer = await shopper.post(shopper.textXml('你好', ++msgSeq));
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/xml/);
      expect(answer.fields.ToUserName).toBe(shopper.openId);
      expect(answer.fields.FromUserName).toBe(ACCOUNT);
      expect(answer.fields.MsgType).toBe('text');
      expect(Math.abs(Number(answer.fields.CreateTime) - now())).toBeLessThanOrEqual(5);
      expect(answer.fields.Content).toMatch(/\n1\. /);

      const conversation = await wx.server.stores.conversations.get(shopper.conversationId);
      expect(conversation).toMatchObject({ channel: 'wechat', customerId: null });
    });

    it('should take a number as the choice from the menu the shopper was shown', async () => {
      const shopper = user('menu');
      const greetingId = ++msgSeq;
      await shopper.say('你好', greetingId);
      const [greeting] = await wx.server.stores.transcripts.repliesTo(shopper.conversationId, String(greetingId));
      const first = greeting.suggestedActions!.actions[0];

      const choiceId = ++msgSeq;
      const reply = await shopper.say('1', choiceId);
      const stored = await wx.server.stores.transcripts.get(shopper.conversationId, String(choiceId));
      expect(stored?.value).toBe(first.value);
      expect(stored?.text).toBeUndefined();
      const [answer] = await wx.server.stores.transcripts.repliesTo(shopper.conversationId, String(choiceId));
      expect((answer.channelData?.intent as { name: string }).name).toBe(first.value.replace(/^intent:/, ''));
      expect(reply).toContain(answer.text);

      // With no menu on the last reply, a number is just text.
      const plain = user('nomenu');
      const digitId = ++msgSeq;
      await plain.say('3', digitId);
      expect((await wx.server.stores.transcripts.get(plain.conversationId, String(digitId)))?.text).toBe('3');
    });

    it.each([
      ['zh', (id: string) => `帮我查下订单${id}到哪了`, '已发货', '运单'],
      ['en', (id: string) => `where is my order ${id}`, 'shipped', 'tracking'],
    ] as const)('should look an order up only after verification (%s)', async (_lang, ask, status, tracking) => {
      const order = orderWith(['shipped']);
      const shopper = user('order');
      const question = await shopper.say(ask(order.id));
      expect(question).not.toContain(order.shipping!.trackingNumber!);
      const shown = await shopper.say(lastFour(customerOf(order)));
      expect(shown).toContain(order.id);
      expect(shown).toContain(status);
      expect(shown).toContain(`${tracking}: `);
      expect(shown).toContain(order.shipping!.trackingNumber!);
    });

    it.each([
      ['zh', '推荐一款3000以内的手机'],
      ['en', 'recommend noise-cancelling headphones under 2000'],
    ] as const)('should render a recommendation as text lines with prices (%s)', async (lang, ask) => {
      const reply = await user('recommend').say(ask);
      const lines = productLines(reply);
      expect(lines.length).toBeGreaterThanOrEqual(3);
      for (const line of lines) {
        const product = shop.products.find((p) => line.includes(typeof p.title === 'string' ? p.title : p.title[lang]));
        expect(product).toBeDefined();
        expect(line).toContain(priceText(product!, lang));
        if (product!.url) expect(line).toContain(product!.url);
      }
      expect(reply).toMatch(lang === 'zh' ? /回复数字即可选择/ : /Reply with a number/);
    });

    it('should run a retried MsgId once and answer every retry with the same text', async () => {
      const shopper = user('retry');
      const msgId = ++msgSeq;
      const body = shopper.textXml('你好，在吗', msgId);
      const [a, b] = await Promise.all([shopper.post(body), shopper.post(body)]);
      const c = await shopper.post(body, shopper.query());
      for (const answer of [a, b, c]) expect(answer.status).toBe(200);
      // The concurrent retry waits for the same turn; the late one reads its stored replies.
      const texts = [a, b, c].map((x) => x.fields.Content);
      expect(texts[0]).toMatch(/\S/);
      expect(texts).toEqual([texts[0], texts[0], texts[0]]);

      const activities = await wx.server.stores.transcripts.list(shopper.conversationId);
      const replies = await wx.server.stores.transcripts.repliesTo(shopper.conversationId, String(msgId));
      expect(activities.filter((x) => x.from.role === 'user')).toHaveLength(1);
      expect(replies.length).toBeGreaterThan(0);
      expect(activities).toHaveLength(1 + replies.length);
    });

    it('should greet a new follower in Chinese, once per event', async () => {
      const shopper = user('follow');
      const event = shopper.xml('event', '<Event><![CDATA[subscribe]]></Event>');
      const first = await shopper.post(event);
      const again = await shopper.post(event);
      expect(first.fields.Content).toMatch(/[\u4e00-\u9fff]/);
      expect(first.fields.Content).toMatch(/\n1\. /);
      expect(again.fields.Content).toBe(first.fields.Content);
      expect(await wx.server.stores.transcripts.list(shopper.conversationId)).toHaveLength(1 + 1);

      const unsubscribe = await shopper.post(shopper.xml('event', '<Event><![CDATA[unsubscribe]]></Event>'));
      expect(unsubscribe.body).toBe('success');
    });

    it('should say that only text is understood, in the conversation language', async () => {
      const image = (u: WechatUser) =>
        u.xml(
          'image',
          `<PicUrl><![CDATA[http://mmbiz.example/1.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>${++msgSeq}</MsgId>`,
        );
      const zh = user('image');
      expect((await zh.post(image(zh))).fields.Content).toBe(wechatNotice('textOnly', 'zh'));
      const en = user('image');
      await en.say('hello there, what can you do?');
      expect((await en.post(image(en))).fields.Content).toBe(wechatNotice('textOnly', 'en'));
    });

    it('should answer in Chinese when the first message has no words, and in English once the shopper writes English', async () => {
      const shopper = user('digits');
      expect(await shopper.say('12345678')).toMatch(/[\u4e00-\u9fff]/);
      expect(await shopper.say('hi, can you help me?')).not.toMatch(/[\u4e00-\u9fff]/);
      expect(await shopper.say('12345678')).not.toMatch(/[\u4e00-\u9fff]/);
    });

    it('should refuse a bad signature with 401 and store nothing', async () => {
      const shopper = user('forged');
      const body = shopper.textXml('你好', ++msgSeq);
      for (const query of [shopper.query({}, 'guessed-token'), `timestamp=${now()}&nonce=1&openid=${shopper.openId}`]) {
        const answer = await shopper.post(body, query);
        expect(answer.status).toBe(401);
      }
      expect(await wx.server.stores.conversations.get(shopper.conversationId)).toBeNull();
      expect(await wx.server.stores.transcripts.list(shopper.conversationId)).toHaveLength(0);
    });

    it('should refuse malformed XML, DTDs and entities, and oversized bodies, and keep answering', async () => {
      const shopper = user('bad');
      const payloads: [string | Buffer, number][] = [
        ['<xml><ToUserName>gh</ToUserName><Content>unclosed', 400],
        ['{"text": "json is not xml"}', 400],
        [
          `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${shopper.xml('text', `<Content>&xxe;</Content><MsgId>${++msgSeq}</MsgId>`)}`,
          400,
        ],
        [
          `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${shopper.xml('text', `<Content>&b;</Content><MsgId>${++msgSeq}</MsgId>`)}`,
          400,
        ],
        [shopper.xml('text', `<Content>&amp;</Content>`), 400],
        [Buffer.from([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x78, 0x6d, 0x6c, 0x3e]), 400],
        [shopper.textXml('x'.repeat(70 * 1024), ++msgSeq), 400],
      ];
      for (const [body, status] of payloads) {
        const answer = await shopper.post(body);
        expect(answer.status).toBe(status);
        expect(answer.body).not.toMatch(/root:|aaaaaaaaaaaaaaaaaaaa/);
      }
      const mismatch = await shopper.post(shopper.textXml('你好', ++msgSeq), shopper.query({ openid: 'oSomeoneElse' }));
      expect(mismatch.status).toBe(400);
      expect(await wx.server.stores.conversations.get(shopper.conversationId)).toBeNull();

      expect(await shopper.say('你好')).toMatch(/\n1\. /);
    });

    it('should ask for a shorter message instead of running a turn on a too long one', async () => {
      const shopper = user('long');
      expect(await shopper.say('很'.repeat(2001))).toBe(wechatNotice('tooLong', 'zh', { max: 2000 }));
      expect(await wx.server.stores.transcripts.list(shopper.conversationId)).toHaveLength(0);
    });
  });

  it('should answer 404 when no token is configured', async () => {
    const plain = await startTestServer();
    try {
      const shopper = new WechatUser(plain.url, newOpenId('none'));
      expect((await fetch(`${plain.url}/channels/wechat?${shopper.query({ echostr: 'x' })}`)).status).toBe(404);
      expect((await shopper.post(shopper.textXml('你好', ++msgSeq))).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('WeChat channel past the 5-second limit', () => {
  const wx = useWechatServer((wechat) => startTestServer({ wechat: { ...wechat, replyTimeoutMs: 1 } }));
  const user = wx.user;
  const api = wx.api;

  it.each(['zh', 'en'] as const)('should say it is looking, then send the reply through the customer-service API (%s)', async (lang) => {
    const shopper = user('slow');
    const msgId = ++msgSeq;
    const passive = await shopper.say(lang === 'zh' ? '你好' : 'hello, what can you do?', msgId);
    expect(passive).toBe(wechatNotice('busy', lang));
    if (lang === 'zh') expect(passive).toContain('正在为您查询');

    const [sent] = await api.messagesTo(shopper.openId);
    expect(sent).toBeDefined();
    expect(sent.tokenValid).toBe(true);
    const [reply] = await wx.server.stores.transcripts.repliesTo(shopper.conversationId, String(msgId));
    expect(sent.content).toContain(reply.text);
    expect(sent.content).toMatch(/\n1\. /);
  });

  it('should send a reply once when WeChat retries a message that overran', async () => {
    const shopper = user('slowretry');
    const body = shopper.textXml('推荐一款3000以内的手机', ++msgSeq);
    const answers: Answer[] = await Promise.all([shopper.post(body), shopper.post(body)]);
    await api.messagesTo(shopper.openId);
    answers.push(await shopper.post(body));
    await new Promise((r) => setTimeout(r, 300));
    const sent = await api.messagesTo(shopper.openId);
    expect(sent).toHaveLength(1);
    expect(productLines(sent[0].content).length).toBeGreaterThanOrEqual(3);
    // Each attempt is told to wait, or (once the reply went out) gets WeChat's "no reply".
    expect(answers[0].fields.Content ?? answers[1].fields.Content).toBe(wechatNotice('busy', 'zh'));
    for (const a of answers) expect([wechatNotice('busy', 'zh'), 'success']).toContain(a.fields.Content ?? a.body);
    expect(answers[2].body).toBe('success');
    expect(await wx.server.stores.transcripts.list(shopper.conversationId)).toHaveLength(1 + 1);
  });

  it("should deliver an agent's message pushed to a WeChat conversation", async () => {
    const shopper = user('agent');
    await shopper.say('转人工');
    await api.messagesTo(shopper.openId);
    const chat = wx.server.chat;
    const conversation = await chat.conversation(shopper.conversationId);
    const agentMessage: ChatActivity = {
      type: 'message',
      id: `agent-${Date.now()}`,
      timestamp: new Date().toISOString(),
      conversationId: conversation.id,
      from: { id: 'staff-1', role: 'agent', name: '小王' },
      locale: 'zh',
      text: '您好，我是客服小王，您的问题我来处理。',
    };
    expect(chat.push(conversation, agentMessage)).toBe(true);
    const sent = await api.messagesTo(shopper.openId, 2);
    // Under a line saying who wrote it.
    expect(sent.map((m) => m.content)).toContain(`小王（人工客服）：\n${agentMessage.text}`);
    expect(sent.every((m) => m.tokenValid)).toBe(true);
    // One access token served every message of this server.
    expect(api.issued).toHaveLength(1);
  });
});
