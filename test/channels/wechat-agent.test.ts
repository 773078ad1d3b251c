/**
 * A staff agent and a WeChat shopper, end to end against the real server, in zh and en: the
 * shopper asks for a person in a signed WeChat message, an agent signs in to the console API,
 * takes the conversation over and writes; the message goes out through the customer-service
 * message API (a small HTTP server plays api.weixin.qq.com) saying who wrote it; the bot stays
 * quiet while the agent holds the conversation ("success", nothing sent) and answers again after
 * release. Without the API's app id and secret the console is told the message was not delivered.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomInt } from 'node:crypto';
import { wechatSignature } from '../../src/channels/wechat/wechat-signature';
import type { KefuConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, waitFor } from '../staff/staff-fixture';

const TOKEN = 'wechat-agent-token';
const APP_ID = 'wx-agent-app';
const APP_SECRET = 'wx-agent-secret';

/** api.weixin.qq.com's access token and customer-service endpoints, recording each text sent. */
class CustomerServiceApi {
  readonly texts: { to: string; content: string; authorised: boolean }[] = [];
  private tokens = 0;
  url = '';
  private readonly server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://api');
    const reply = (body: unknown) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/cgi-bin/token') {
      const known = url.searchParams.get('appid') === APP_ID && url.searchParams.get('secret') === APP_SECRET;
      return reply(known ? { access_token: `token-${++this.tokens}`, expires_in: 7200 } : { errcode: 40013, errmsg: 'invalid appid' });
    }
    if (url.pathname !== '/cgi-bin/message/custom/send') return void res.writeHead(404).end();
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const message = JSON.parse(raw) as { touser: string; text?: { content: string } };
      const authorised = /^token-\d+$/.test(url.searchParams.get('access_token') ?? '');
      this.texts.push({ to: message.touser, content: message.text?.content ?? '', authorised });
      reply({ errcode: 0, errmsg: 'ok' });
    });
  });

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(openId: string): string[] {
    return this.texts.filter((t) => t.to === openId).map((t) => t.content);
  }
}

let sent = 0;
/** A MsgId of this run (digits, as WeChat's 64-bit ids; kept as text: they pass 2^53). */
const nextMsgId = (): string => `91${Date.now()}${String(++sent).padStart(4, '0')}`;

/** A text from `openId`, signed as WeChat signs (a new nonce each time); resolves with the passive reply's text, or the bare body. */
async function wechatSays(server: TestServer, openId: string, text: string): Promise<string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(randomInt(1e9));
  const query = new URLSearchParams({ signature: wechatSignature(TOKEN, timestamp, nonce), timestamp, nonce, openid: openId });
  const xml =
    `<xml><ToUserName><![CDATA[gh_kefu]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName>` +
    `<CreateTime>${timestamp}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${nextMsgId()}</MsgId></xml>`;
  const res = await fetch(`${server.url}/channels/wechat?${query}`, { method: 'POST', headers: { 'Content-Type': 'text/xml' }, body: xml });
  expect(res.status).toBe(200);
  const body = await res.text();
  return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(body)?.[1] ?? body;
}

const CASES = [
  { locale: 'zh', handoff: '转人工', agent: '李娜', agentText: '您好，我是客服李娜，请问有什么可以帮您？', meanwhile: '我的订单还没到', hello: '你好', heading: '李娜（人工客服）：', joined: '客服 李娜 已接入，接下来由人工为您服务。', left: '客服 李娜 已离开，智能助手继续为您服务。' },
  { locale: 'en', handoff: 'I want to talk to a human agent', agent: 'Alice', agentText: 'Hi, this is Alice from the shop. How can I help?', meanwhile: 'my order has not arrived', hello: 'hello', heading: 'Alice (shop staff):', joined: 'Alice from our team has joined the chat.', left: 'Alice has left the chat; the assistant is back to help you.' },
] as const;

const path = (conversationId: string, action: string): string => `/api/staff/conversations/${encodeURIComponent(conversationId)}/${action}`;

describe('WeChat channel with a staff agent', () => {
  const api = new CustomerServiceApi();
  let server: TestServer;
  beforeAll(async () => {
    await api.listen();
    const wechat: KefuConfig['wechat'] = { token: TOKEN, appId: APP_ID, appSecret: APP_SECRET, apiBase: api.url };
    server = await startTestServer({ wechat });
  });
  afterAll(async () => {
    await server?.close();
    await api.close();
  });

  it.each(CASES)("should send the agent's words with their name through the customer-service API, keep the bot quiet while taken, and hand back on release ($locale)", async (c) => {
    const openId = `o-agent-${c.locale}-${Date.now().toString(36)}`;
    const conversationId = `wechat:${openId}`;
    expect(await wechatSays(server, openId, c.handoff)).not.toBe('success');
    expect((await server.stores.conversations.get(conversationId))?.handoff).toBe(true);

    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', c.agent));
    expect((await agent.post(path(conversationId, 'takeover'))).status).toBe(200);
    const sent = await agent.post<{ delivered: boolean }>(path(conversationId, 'messages'), { text: c.agentText });
    expect(sent.status).toBe(200);
    expect(sent.body.delivered).toBe(true);
    // "Agent joined" first, then the agent's words.
    await waitFor(() => api.to(openId).length > 1, 10000, "the agent's message at the API");
    expect(api.to(openId)).toEqual([c.joined, `${c.heading}\n${c.agentText}`]);
    expect(api.texts.filter((t) => t.to === openId).every((t) => t.authorised)).toBe(true);

    // While the agent holds it: WeChat's "no reply", nothing sent, the words stored for the agent.
    expect(await wechatSays(server, openId, c.meanwhile)).toBe('success');
    const stored = await server.stores.transcripts.list(conversationId, { limit: 100 });
    expect(stored.at(-1)).toMatchObject({ text: c.meanwhile, from: { role: 'user' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(api.to(openId)).toHaveLength(2);

    expect((await agent.post(path(conversationId, 'release'))).status).toBe(200);
    await waitFor(() => api.to(openId).length > 2, 10000, '"agent left" at the API');
    expect(api.to(openId)[2]).toBe(c.left);
    const answer = await wechatSays(server, openId, c.hello);
    expect(answer).not.toBe('success');
    expect(answer).not.toContain(c.heading);
    expect(/\p{Script=Han}/u.test(answer)).toBe(c.locale === 'zh');
  });
});

describe('WeChat channel with a staff agent, without the customer-service API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ wechat: { token: TOKEN, apiBase: 'https://api.weixin.qq.com' } });
  });
  afterAll(async () => server?.close());

  it.each(CASES)("should tell the agent that the message was kept but not delivered ($locale)", async (c) => {
    const openId = `o-noapi-${c.locale}-${Date.now().toString(36)}`;
    const conversationId = `wechat:${openId}`;
    await wechatSays(server, openId, c.handoff);
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', c.agent));
    expect((await agent.post(path(conversationId, 'takeover'))).status).toBe(200);
    const sent = await agent.post<{ delivered: boolean; activity: { id: string } }>(path(conversationId, 'messages'), { text: c.agentText });
    expect(sent.status).toBe(200);
    expect(sent.body.delivered).toBe(false);
    expect((await server.stores.transcripts.get(conversationId, sent.body.activity.id))?.text).toBe(c.agentText);
  });
});
