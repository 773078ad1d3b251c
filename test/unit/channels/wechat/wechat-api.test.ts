import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WechatApi, WechatApiError } from '../../../../src/channels/wechat/wechat-api';

/** A small stand-in for api.weixin.qq.com that issues tokens and records sent messages. */
function fakeWechat() {
  const state = { tokenRequests: 0, issued: [] as string[], revoked: new Set<string>(), sent: [] as { token: string; body: unknown }[] };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      state.tokenRequests++;
      if (url.searchParams.get('appid') !== 'wxapp' || url.searchParams.get('secret') !== 's3cret')
        return json({ errcode: 40013, errmsg: 'invalid appid' });
      const token = `TOKEN-${state.tokenRequests}`;
      state.issued.push(token);
      return json({ access_token: token, expires_in: 7200 });
    }
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const token = url.searchParams.get('access_token') ?? '';
      if (!state.issued.includes(token) || state.revoked.has(token)) return json({ errcode: 40001, errmsg: 'invalid credential' });
      state.sent.push({ token, body: JSON.parse(raw) });
      json({ errcode: 0, errmsg: 'ok' });
    });
  });
  return { state, server };
}

describe('WechatApi', () => {
  const { state, server } = fakeWechat();
  let apiBase = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should fetch one token for many messages and send each as a text message', async () => {
    const api = new WechatApi({ apiBase, appId: 'wxapp', appSecret: 's3cret' });
    const before = state.tokenRequests;
    await Promise.all([api.sendText('oA', '你好'), api.sendText('oB', 'hello')]);
    expect(state.tokenRequests - before).toBe(1);
    expect(state.sent.slice(-2).map((s) => s.body)).toEqual(
      expect.arrayContaining([
        { touser: 'oA', msgtype: 'text', text: { content: '你好' } },
        { touser: 'oB', msgtype: 'text', text: { content: 'hello' } },
      ]),
    );
  });

  it('should fetch a new token when the cached one expired or was revoked', async () => {
    let now = 1_000_000;
    const api = new WechatApi({ apiBase, appId: 'wxapp', appSecret: 's3cret', now: () => now });
    const first = await api.accessToken();
    now += 7200 * 1000;
    const second = await api.accessToken();
    expect(second).not.toBe(first);
    state.revoked.add(second);
    await api.sendText('oC', 'again');
    expect(state.sent.at(-1)!.token).not.toBe(second);
  });

  it('should report WeChat errors with their code', async () => {
    const api = new WechatApi({ apiBase, appId: 'wxapp', appSecret: 'wrong' });
    await expect(api.sendText('oA', 'x')).rejects.toEqual(expect.objectContaining({ errcode: 40013 }));
    await expect(api.accessToken()).rejects.toBeInstanceOf(WechatApiError);
  });
});
