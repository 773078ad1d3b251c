/**
 * Console logins against the real server: cookie flags, one answer for a wrong password and an
 * unknown name, the rate limit, logout; every console route refuses a logged-out request (401),
 * an agent on an admin route (403) and a cross-site or non-JSON POST (403).
 */
import { CONSOLE_API, splitEndpoint, type ConsoleEndpoint } from '../../src/staff/console-api-table';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, post, StaffSocket, type StaffLogin } from './staff-fixture';

const ENDPOINTS = Object.keys(CONSOLE_API) as ConsoleEndpoint[];
const concrete = (path: string) => path.replace(':id', 'some-id');

describe('staff login', () => {
  let server: TestServer;
  let admin: StaffLogin;
  let agent: StaffLogin;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await addStaff(server, 'admin', '店长 Wang');
    agent = await addStaff(server, 'agent', '客服小李');
  });
  afterAll(async () => server.close());

  it('should log in with an HttpOnly SameSite=Strict cookie and answer /me with the account, never its hash', async () => {
    const res = await post(server.url, '/api/staff/login', { name: agent.name.toUpperCase(), password: agent.password });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^kefu_staff=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${12 * 3600}`);
    expect(cookie).not.toContain('Secure'); // not production: tests speak plain HTTP
    const body = await res.json();
    expect(body).toEqual({ staff: { id: expect.any(String), name: agent.name, displayName: '客服小李', role: 'agent' } });
    const me = await fetch(`${server.url}/api/staff/me`, { headers: { Cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    const text = await me.text();
    expect(JSON.parse(text)).toEqual(body);
    expect(text).not.toContain('scrypt');
  });

  it('should keep only the SHA-256 of the token in the store', async () => {
    const c = await ConsoleClient.login(server.url, agent);
    const token = c.cookie.split('=')[1];
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(token).digest('hex');
    expect(await server.stores.staff.sessions.get(hash, new Date().toISOString())).toMatchObject({ tokenHash: hash, staffId: c.staff.id });
    expect(await server.stores.staff.sessions.get(token, new Date().toISOString())).toBeNull();
  });

  it('should give a wrong password and an unknown name the same 401, in en and zh', async () => {
    const wrong = await post(server.url, '/api/staff/login', { name: agent.name, password: 'not-the-password' });
    const unknown = await post(server.url, '/api/staff/login', { name: 'nobody-here', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.json();
    const b = await unknown.json();
    expect(a).toEqual(b);
    expect(a).toEqual({ error: { code: 'KEFU_AUTH', message: 'Wrong name or password.', zh: '用户名或密码错误。' } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('should refuse a non-string name or password with 400 and never interpret it', async () => {
    for (const body of [{ name: { $gt: '' }, password: 'x' }, { name: agent.name, password: { $ne: null } }, JSON.parse('{"__proto__": {"admin": true}, "name": "x", "password": 5}')]) {
      const res = await post(server.url, '/api/staff/login', body);
      expect(res.status).toBe(400);
    }
  });

  it('should log out: the cookie is cleared and the session no longer works', async () => {
    const c = await ConsoleClient.login(server.url, agent);
    const out = await c.post('/api/staff/logout');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await c.get('/api/staff/me')).status).toBe(401);
  });

  it('should answer 401 KEFU_AUTH to a logged-out request on every console API route', async () => {
    const routes = ENDPOINTS.filter((e) => CONSOLE_API[e] !== 'public');
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const endpoint of routes) {
      const { method, path } = splitEndpoint(endpoint);
      for (const cookie of [undefined, 'kefu_staff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'kefu_staff={"$gt":""}']) {
        const res = await fetch(server.url + concrete(path), {
          method,
          headers: { ...(cookie ? { Cookie: cookie } : {}), ...(method === 'POST' ? { 'Content-Type': 'application/json', Origin: server.url } : {}) },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        expect([endpoint, res.status]).toEqual([endpoint, 401]);
        expect((await res.json()).error.code).toBe('KEFU_AUTH');
      }
    }
  });

  it('should answer 403 KEFU_FORBIDDEN to an agent on every admin route, and let an admin through', async () => {
    const asAgent = await ConsoleClient.login(server.url, agent);
    const asAdmin = await ConsoleClient.login(server.url, admin);
    const adminRoutes = ENDPOINTS.filter((e) => CONSOLE_API[e] === 'admin');
    expect(adminRoutes.length).toBeGreaterThanOrEqual(6);
    for (const endpoint of adminRoutes) {
      const { method, path } = splitEndpoint(endpoint);
      const res = method === 'GET' ? await asAgent.get(concrete(path)) : await asAgent.post(concrete(path), {});
      expect([endpoint, res.status, (res.body as { error: { code: string } }).error.code]).toEqual([endpoint, 403, 'KEFU_FORBIDDEN']);
    }
    expect((await asAdmin.get('/api/staff/accounts')).status).toBe(200);
    expect((await asAdmin.get('/api/staff/audit')).status).toBe(200);
  });

  it('should refuse a POST from another origin or without JSON (CSRF) with 403', async () => {
    const c = await ConsoleClient.login(server.url, agent);
    const conv = await server.stores.conversations.create({ id: `csrf-${Date.now()}`, channel: 'socketio', customerId: null, locale: 'zh' });
    const path = `/api/staff/conversations/${conv.id}/takeover`;
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    ];
    for (const headers of attempts) {
      const res = await c.post(path, {}, headers);
      expect([headers, res.status]).toEqual([headers, 403]);
      expect((res.body as { error: { code: string } }).error.code).toBe('KEFU_FORBIDDEN');
    }
    expect(await server.stores.staff.assignments.get(conv.id)).toBeNull();
    const login = await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password }, { Origin: 'https://evil.example' });
    expect(login.status).toBe(403);
    // Same origin, JSON: accepted.
    expect((await c.post(path, {})).status).toBe(200);
  });

  it('should let only a logged-in console open the /staff namespace', async () => {
    await expect(StaffSocket.connect(server.url)).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
    await expect(StaffSocket.connect(server.url, 'kefu_staff=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
    const c = await ConsoleClient.login(server.url, agent);
    const socket = await StaffSocket.connect(server.url, c.cookie);
    const closed = new Promise((resolve) => socket.socket.once('disconnect', resolve));
    await c.post('/api/staff/logout');
    await expect(closed).resolves.toBe('io server disconnect');
  });

  it('should write logins and logouts to the audit log', async () => {
    const c = await ConsoleClient.login(server.url, admin);
    const { body } = await c.get<{ entries: { action: string; staffName: string }[] }>('/api/staff/audit?limit=500');
    expect(body.entries.filter((e) => e.action === 'login' && e.staffName === agent.name).length).toBeGreaterThanOrEqual(3);
    expect(body.entries.some((e) => e.action === 'logout' && e.staffName === agent.name)).toBe(true);
    expect(body.entries.some((e) => e.action === 'staff.add' && e.staffName === 'cli')).toBe(true);
  });
});

describe('staff login rate limit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('should answer 429 after 5 failures for a name from an address, even with the right password, in en and zh', async () => {
    const agent = await addStaff(server, 'agent');
    for (let i = 0; i < 5; i++) {
      expect((await post(server.url, '/api/staff/login', { name: agent.name, password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password });
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.error.code).toBe('KEFU_RATE_LIMIT');
    expect(body.error.message).toMatch(/1 minute/);
    expect(body.error.zh).toMatch(/1 分钟/);
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // The lock is the name's from this address: other names from it still log in (the address's own limit is 20 failures).
    const other = await addStaff(server, 'agent');
    expect((await post(server.url, '/api/staff/login', { name: other.name, password: other.password })).status).toBe(200);
  });
});
