/**
 * The Bot Framework endpoint without an app id, with unauthenticated requests allowed for the
 * Emulator (`KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true`). Nobody authenticates the caller then,
 * so kefu must not become an open relay: a request from another machine (or through a proxy) is
 * refused, and the `serviceUrl` it names must not make kefu POST replies anywhere it likes
 * (request forgery into the shop's network, a cloud metadata address, or an admin endpoint of
 * another service on this machine): only a loopback origin is answered, at the Connector's path,
 * and a redirect to another origin is not followed. The server listens on every interface here
 * (KEFU_HOST=0.0.0.0, as by default), which is also what the startup warning is about.
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { isLoopbackAddress, isLoopbackHost, isLoopbackServiceUrl } from '../../src/channels/botframework/local-emulator';
import { printLine, setPrintLine } from '../../src/log';
import { startTestServer, type TestServer } from '../helpers/test-server';

/** A stand-in for whatever listens at the address: records every request kefu makes to it. */
class Listener {
  readonly requests: { method?: string; url?: string }[] = [];
  /** When set, every request is answered with this redirect. */
  redirectTo: string | undefined;
  private readonly server = http.createServer((req, res) => {
    this.requests.push({ method: req.method, url: req.url });
    req.resume();
    if (this.redirectTo) {
      res.writeHead(307, { Location: this.redirectTo });
      return void res.end();
    }
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
function activity(serviceUrl: string, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
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
    ...overrides,
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 200));

(outside ? describe : describe.skip)('Bot Framework without an app id, unauthenticated requests allowed for the Emulator', () => {
  let server: TestServer;
  const printed: string[] = [];
  const print = printLine;
  const inside = new Listener();
  const elsewhere = new Listener();
  let insideUrl = '';
  let elsewhereUrl = '';
  let port = 0;
  beforeAll(async () => {
    setPrintLine((line) => printed.push(line));
    server = await startTestServer({ host: '0.0.0.0', production: false, botFramework: { allowUnauthenticated: true } });
    port = Number(new URL(server.url).port);
    insideUrl = await inside.start('127.0.0.1');
    elsewhereUrl = await elsewhere.start(outside!);
  });
  afterAll(async () => {
    setPrintLine(print);
    await server.close();
    await inside.close();
    await elsewhere.close();
  });
  beforeEach(() => {
    inside.redirectTo = undefined;
  });

  /** Posts from this machine (loopback) unless `from` names another address of it. */
  const post = (body: unknown, options: { from?: string; headers?: Record<string, string> } = {}) =>
    fetch(`http://${options.from ?? '127.0.0.1'}:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...options.headers },
      body: JSON.stringify(body),
    });
  const stored = (a: Record<string, unknown>) => server.stores.conversations.get(`botframework:emulator:${(a.from as { id: string }).id}`);

  it('should warn at start that KEFU_HOST listens beyond this machine', () => {
    expect(printed.filter((l) => /warn.*unauthenticated Bot Framework requests.*KEFU_HOST=0\.0\.0\.0/.test(l))).toHaveLength(1);
  });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])('should refuse a request from another machine with 403 and send nothing, even to a loopback serviceUrl (%s)', async (_lang, text) => {
    const a = activity(insideUrl, text);
    const res = await post(a, { from: outside });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('KEFU_FORBIDDEN');
    expect(body.error.message).toMatch(/this machine.*KEFU_BOTFRAMEWORK_APP_ID/s);
    await settle();
    expect(inside.requests).toEqual([]);
    expect(await stored(a)).toBeNull();
  });

  it.each([
    ['X-Forwarded-For', '203.0.113.9'],
    ['Forwarded', 'for=203.0.113.9'],
    ['X-Real-IP', '203.0.113.9'],
  ])('should refuse a loopback request that came through a proxy (%s) with 403', async (name, value) => {
    const a = activity(insideUrl, '你好');
    expect((await post(a, { headers: { [name]: value } })).status).toBe(403);
    await settle();
    expect(inside.requests).toEqual([]);
    expect(await stored(a)).toBeNull();
  });

  it.each([
    ['zh', '你好'],
    ['en', 'hello'],
  ])('should send nothing to a serviceUrl outside this machine and say why (%s)', async (_lang, text) => {
    const a = activity(elsewhereUrl, text);
    const res = await post(a);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('KEFU_BAD_REQUEST');
    expect(body.error.message).toMatch(/KEFU_BOTFRAMEWORK_APP_ID/);
    await settle();
    expect(elsewhere.requests).toEqual([]);
    expect(await stored(a)).toBeNull();
  });

  it('should refuse other spellings of outside addresses', async () => {
    // Documentation and never-resolving addresses: a regression would not reach anything real.
    for (const url of ['http://198.51.100.7:9/latest', 'https://kefu-test.invalid', 'http://[2001:db8::1]:3978', 'http://127.0.0.1.kefu-test.invalid']) {
      expect([url, (await post(activity(url, 'hi'))).status]).toEqual([url, 400]);
    }
  });

  it('should refuse a loopback serviceUrl with a path, query or credentials, and ids that climb out of the Connector path', async () => {
    const refused: [string, Record<string, unknown>][] = [
      ['a path', activity(`${insideUrl}/admin/shutdown`, '你好')],
      ['a query', activity(`${insideUrl}/?next=/admin`, '你好')],
      ['credentials', activity(insideUrl.replace('http://', 'http://admin:secret@'), 'hello')],
      ['conversation ".."', activity(insideUrl, 'hello', { conversation: { id: '..' } })],
      ['activity id ".."', activity(insideUrl, 'hello', { id: '..' })],
    ];
    for (const [what, a] of refused) expect([what, (await post(a)).status]).toEqual([what, 400]);
    await settle();
    expect(inside.requests).toEqual([]);
  });

  it('should answer the Emulator on loopback, at the Connector path only', async () => {
    const a = activity(insideUrl, '你好');
    const answered = await post(a);
    expect(answered.status).toBe(200);
    expect(inside.requests.length).toBeGreaterThan(0);
    expect(inside.requests.every((r) => r.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(r.url ?? ''))).toBe(true);
    inside.requests.length = 0;
  });

  /** Posts to a loopback serviceUrl that answers every request with a redirect to `location`. */
  async function postRedirected(location: string, text: string): Promise<void> {
    inside.redirectTo = location;
    // botbuilder prints the failed send (the 307 it did not follow) with console.error.
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await post(activity(insideUrl, text));
      await settle();
    } finally {
      consoleError.mockRestore();
    }
    expect(inside.requests.length).toBeGreaterThan(0);
  }

  it('should not follow a redirect from the loopback serviceUrl to another path of it (an admin endpoint)', async () => {
    await postRedirected('/admin/shutdown', '你好');
    expect(inside.requests.filter((r) => !/^\/v3\/conversations\//.test(r.url ?? ''))).toEqual([]);
    inside.requests.length = 0;
  });

  it('should not follow a redirect from the loopback serviceUrl to another address', async () => {
    await postRedirected(`${elsewhereUrl}/v3/conversations/x/activities`, 'hello');
    expect(elsewhere.requests).toEqual([]);
    inside.requests.length = 0;
  });
});

describe('loopback checks of the unauthenticated mode', () => {
  it('should take only 127.0.0.0/8 and ::1 (also mapped into IPv6) as this machine', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.2']) expect([address, isLoopbackAddress(address)]).toEqual([address, true]);
    for (const address of [undefined, '', '0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', '128.0.0.1', '::2', '127.0.0.1.nip.io']) {
      expect([address, isLoopbackAddress(address)]).toEqual([address, false]);
    }
  });

  it('should warn for every KEFU_HOST but a loopback one', () => {
    for (const host of ['localhost', '127.0.0.1', '::1', '[::1]']) expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '::', '', '192.168.1.5', 'shop.example', 'localhost.']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
  });

  it('should judge a serviceUrl by the address the URL parser reads', () => {
    for (const url of ['http://localhost:3978', 'http://127.1:3978', 'http://0x7f.0.0.1:3978', 'http://2130706433:3978', 'http://[::1]:3978']) {
      expect([url, isLoopbackServiceUrl(url)]).toEqual([url, true]);
    }
    for (const url of ['http://[::ffff:10.0.0.1]:3978', 'http://169.254.169.254/latest', 'not a url', 'http://localhost.kefu-test.invalid']) {
      expect([url, isLoopbackServiceUrl(url)]).toEqual([url, false]);
    }
  });
});
