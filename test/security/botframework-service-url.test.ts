/**
 * The Bot Framework endpoint without an app id (development, for the Emulator: NODE_ENV is not
 * `production`, which is also what a shop gets when it forgets to set it). Nobody authenticates
 * the caller then, so the `serviceUrl` it names must not make kefu POST replies anywhere it likes
 * (request forgery into the shop's network or a cloud metadata address): only the Emulator on the
 * same machine (a loopback address) is answered.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A stand-in for whatever listens at the address: records every request kefu makes to it. */
class Listener {
  readonly requests: { method?: string; url?: string }[] = [];
  private readonly server = http.createServer((req, res) => {
    this.requests.push({ method: req.method, url: req.url });
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: `r-${this.requests.length}` }));
  });

  async start(host: string): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, host, resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** An address of this machine that is not loopback (stands for any host of the shop's network). */
const outside = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && !i.internal && i.family === 'IPv4')?.address;

let seq = 0;
function activity(serviceUrl: string, text: string): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    id: `ssrf-${seq}`,
    channelId: 'emulator',
    serviceUrl,
    from: { id: `user-${seq}` },
    recipient: { id: 'kefu-bot' },
    conversation: { id: `conv-${seq}` },
    text,
  };
}

(outside ? describe : describe.skip)('Bot Framework serviceUrl without an app id', () => {
  let server: TestServer;
  const inside = new Listener();
  const elsewhere = new Listener();
  let insideUrl = '';
  let elsewhereUrl = '';
  beforeAll(async () => {
    server = await startTestServer({ production: false, botFramework: {} });
    insideUrl = await inside.start('127.0.0.1');
    elsewhereUrl = await elsewhere.start(outside!);
  });
  afterAll(async () => {
    await server.close();
    await inside.close();
    await elsewhere.close();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])('should send nothing to a serviceUrl outside this machine and say why (%s)', async (_lang, text) => {
    const a = activity(elsewhereUrl, text);
    const res = await post(a);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('KEFU_BAD_REQUEST');
    expect(body.error.message).toMatch(/MicrosoftAppId/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(elsewhere.requests).toEqual([]);
    expect(await server.stores.conversations.get(`botframework:emulator:${(a.from as { id: string }).id}`)).toBeNull();
  });

  it('should refuse other spellings of outside addresses, and still answer the Emulator on loopback', async () => {
    // Documentation and never-resolving addresses: a regression would not reach anything real.
    for (const url of ['http://198.51.100.7:9/latest', 'https://kefu-test.invalid', 'http://[2001:db8::1]:3978', 'http://127.0.0.1.kefu-test.invalid']) {
      expect([url, (await post(activity(url, 'hi'))).status]).toEqual([url, 400]);
    }
    const answered = await post(activity(insideUrl, '你好'));
    expect(answered.status).toBe(200);
    expect(inside.requests.some((r) => r.method === 'POST' && /\/v3\/conversations\//.test(r.url ?? ''))).toBe(true);
  });
});
