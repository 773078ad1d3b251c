/**
 * What the console API gives away, against the real server: no answer of any route (an admin's,
 * who sees the most) carries a password hash, a session token or its hash; malformed and hostile
 * input (broken JSON, operators, prototype keys, oversized values, forged cursors) gets a 4xx with
 * a plain message, never a stack trace, SQL or a file path; values are never interpreted.
 */
import { createHash } from 'node:crypto';
import { CONSOLE_API, splitEndpoint, type ConsoleEndpoint } from '../../src/staff/console-api-table';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient } from '../staff/staff-fixture';

/** Traces of internals an answer must not carry. */
const INTERNALS = [/\n\s+at /, /SQLITE/i, /\bSELECT\b/, /\bjson_extract\b/, /\/work\/|node_modules|\.ts:\d+/, /MongoServerError|CastError/];

function expectNoInternals(what: string, text: string): void {
  for (const pattern of INTERNALS) expect([what, pattern.test(text) ? text.slice(0, 300) : 'clean']).toEqual([what, 'clean']);
}

describe('console API leaks', () => {
  let server: TestServer;
  let admin: ConsoleClient;
  let agent: ConsoleClient;
  let conversationId: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await ConsoleClient.login(server.url, await addStaff(server, 'admin', '店长 Wang'));
    agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', 'Alice'));
    const shopper = await ChatClient.connect(server.url, { locale: 'zh' });
    await shopper.say('转人工');
    conversationId = shopper.session.conversationId;
    shopper.close();
    await agent.post(`/api/staff/conversations/${conversationId}/takeover`);
    await agent.post(`/api/staff/conversations/${conversationId}/messages`, { text: 'Hello, this is Alice.' });
  });
  afterAll(async () => server.close());

  it('should never answer with a password hash, a session token or its hash (every GET route and both exports)', async () => {
    const secrets = [admin, agent].flatMap((c) => {
      const token = c.cookie.split('=')[1];
      return [token, createHash('sha256').update(token).digest('hex')];
    });
    const gets = (Object.keys(CONSOLE_API) as ConsoleEndpoint[]).map(splitEndpoint).filter((e) => e.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(10);
    const paths = [...gets.map((e) => e.path.replace(':id', encodeURIComponent(conversationId))), '/api/staff/export?format=csv', '/api/staff/audit?limit=500'];
    for (const path of paths) {
      const { status, text } = await admin.download(path);
      expect([path, status]).toEqual([path, 200]);
      expect([path, text.includes('scrypt$'), secrets.filter((s) => text.includes(s))]).toEqual([path, false, []]);
    }
  });

  it('should answer hostile query values with 400 and a plain message, in en and zh', async () => {
    const base = '/api/staff/conversations';
    const bad = [
      `${base}?cursor=${encodeURIComponent('{"$gt":""}')}`,
      `${base}?cursor=${Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url')}`,
      `${base}?cursor=${Buffer.from("') OR 1=1 --").toString('base64url')}`,
      `${base}?limit=1e9`,
      `${base}?limit=-1`,
      `${base}?text=${'%25'.repeat(201)}`,
      `${base}?from=2026-13-45`,
      `${base}?from=${encodeURIComponent("2026-01-01' OR '1'='1")}`,
      `${base}?locale=${encodeURIComponent('{"$ne":null}')}`,
      `${base}?handoff=1`,
      `${base}?text=a&text=b`,
      `/api/staff/conversations/${encodeURIComponent(conversationId)}/turns?limit=51`,
      '/api/staff/audit?before=yesterday',
      '/api/staff/annotations?status=__proto__',
      '/api/staff/dashboard?from=2020-01-01&to=2026-01-01',
      '/api/staff/export?format=xlsx',
    ];
    for (const path of bad) {
      const res = await admin.download(path);
      expect([path, res.status]).toEqual([path, 400]);
      const body = JSON.parse(res.text) as { error: { code: string; message: string; zh: string } };
      expect([path, body.error.code, typeof body.error.zh]).toEqual([path, 'KEFU_BAD_REQUEST', 'string']);
      expectNoInternals(path, res.text);
    }
  });

  it('should take operators and prototype keys in query values as literal text, matching nothing', async () => {
    for (const value of ['{"$gt":""}', '{"$where":"1"}', '%', '_', "' OR 1=1 --", '__proto__', 'constructor.prototype']) {
      for (const key of ['text', 'intent', 'customerId', 'channel']) {
        const res = await admin.get<{ items: unknown[] }>(`/api/staff/conversations?${key}=${encodeURIComponent(value)}`);
        expect([key, value, res.status, res.body.items.length]).toEqual([key, value, 200, 0]);
      }
    }
  });

  it('should refuse hostile JSON bodies with 4xx, change nothing, and show no internals', async () => {
    const takeover = `/api/staff/conversations/${encodeURIComponent(conversationId)}`;
    const raw = (path: string, body: string) =>
      fetch(server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: admin.cookie }, body });
    const cases: [string, string][] = [
      ['/api/staff/login', '{"name":'],
      ['/api/staff/login', '{"name":{"$gt":""},"password":{"$gt":""}}'],
      ['/api/staff/login', '{"__proto__":{"name":"x"},"password":"y"}'],
      ['/api/staff/accounts', '{"name":"new.admin","role":{"$in":["admin"]}}'],
      ['/api/staff/accounts', '{"__proto__":{"role":"admin"},"name":"proto.admin"}'],
      ['/api/staff/accounts', '{"constructor":{"prototype":{"role":"admin"}},"name":"ctor.admin"}'],
      ['/api/staff/accounts', '[1,2,3]'],
      ['/api/staff/annotations', '{"conversationId":{"$ne":null},"activityId":{"$ne":null},"correctIntent":"oos"}'],
      [`${takeover}/messages`, '{"text":{"$gt":""}}'],
      [`${takeover}/messages`, `{"text":"${'x'.repeat(20_000)}"}`],
      ['/api/staff/annotations/%7B%22%24ne%22%3Anull%7D/accept', '{}'],
    ];
    const accountsBefore = (await admin.get<{ accounts: unknown[] }>('/api/staff/accounts')).body.accounts.length;
    for (const [path, body] of cases) {
      const res = await raw(path, body);
      const text = await res.text();
      expect([path, body.slice(0, 60), res.status >= 400 && res.status < 500]).toEqual([path, body.slice(0, 60), true]);
      expectNoInternals(path, text);
    }
    expect((await admin.get<{ accounts: unknown[] }>('/api/staff/accounts')).body.accounts.length).toBe(accountsBefore);
    expect((await admin.get<{ annotations: unknown[] }>('/api/staff/annotations')).body.annotations).toEqual([]);
  });
});
