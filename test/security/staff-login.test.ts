/**
 * Security of console logins against the real server: a flood of concurrent attempts must not get
 * more password checks than the rate limit allows (5 per name or address in 15 minutes).
 */
import { LoginRateLimiter } from '../../src/staff/login-rate-limiter';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, post } from '../staff/staff-fixture';

const ATTEMPTS = 20;
const MAX_FAILURES = 5;

describe('staff login flood', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('should check at most 5 passwords of concurrent attempts and refuse the rest with 429 (en, zh)', async () => {
    const agent = await addStaff(server, 'agent');
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => post(server.url, '/api/staff/login', { name: agent.name, password: `wrong-password-${i}` })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(ATTEMPTS - MAX_FAILURES);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = await answers[statuses.indexOf(429)].json();
    expect(refused.error).toMatchObject({ code: 'KEFU_RATE_LIMIT', message: expect.stringMatching(/15 minutes/), zh: expect.stringMatching(/15 分钟/) });
    // The right password now waits as well: the flood used up the name's failures.
    expect((await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password })).status).toBe(429);
  });
});

describe('staff session cookie', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ staff: { sessionHours: 12, secureCookies: true } });
  });
  afterAll(async () => server.close());

  it('should issue a fresh token at login whatever cookie the browser brought (no session fixation)', async () => {
    const agent = await addStaff(server, 'agent');
    const planted = 'kefu_staff=' + 'A'.repeat(43);
    const res = await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password }, { Cookie: planted });
    expect(res.status).toBe(200);
    const issued = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect(issued).toMatch(/^kefu_staff=[A-Za-z0-9_-]{43}$/);
    expect(issued).not.toBe(planted);
    const me = (cookie: string) => fetch(`${server.url}/api/staff/me`, { headers: { Cookie: cookie } }).then((r) => r.status);
    expect(await me(planted)).toBe(401);
    expect(await me(issued)).toBe(200);
  });

  it('should mark the cookie Secure, HttpOnly and SameSite=Strict, and clear it the same way at logout', async () => {
    const agent = await addStaff(server, 'agent');
    const login = await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password });
    const set = login.headers.get('set-cookie') ?? '';
    for (const flag of ['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${12 * 3600}`]) expect([flag, set.split('; ').includes(flag)]).toEqual([flag, true]);
    const logout = await post(server.url, '/api/staff/logout', {}, { Cookie: set.split(';')[0] });
    expect(logout.status).toBe(200);
    const cleared = (logout.headers.get('set-cookie') ?? '').split('; ');
    expect(cleared).toEqual(expect.arrayContaining(['kefu_staff=', 'Max-Age=0', 'Secure', 'HttpOnly', 'SameSite=Strict']));
  });
});

describe('LoginRateLimiter attempts in progress', () => {
  it('should count attempts being checked against the name and the address until they end', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < MAX_FAILURES; i++) expect(limiter.begin('li.na', `192.0.2.${i}`)).toBe(true);
    expect(limiter.begin('li.na', '192.0.2.99')).toBe(false);
    expect(limiter.blocked('LI.NA', '192.0.2.99')).toBe(true);
    // Ended without a failure (the right password, or a store error): nothing is left counted.
    for (let i = 0; i < MAX_FAILURES; i++) limiter.end('li.na', `192.0.2.${i}`);
    expect(limiter.blocked('li.na', '192.0.2.99')).toBe(false);
    // One address's attempts in progress hold up its other names too.
    for (let i = 0; i < MAX_FAILURES; i++) expect(limiter.begin(`user${i}`, '198.51.100.1')).toBe(true);
    expect(limiter.begin('someone-else', '198.51.100.1')).toBe(false);
    expect(limiter.begin('someone-else', '198.51.100.2')).toBe(true);
  });
});

describe('LoginRateLimiter addresses', () => {
  it('should count an IPv6 /64 as one address, so rotating addresses within it does not reset the count', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 1; i <= MAX_FAILURES; i++) limiter.fail(`user${i}`, `2001:db8:1:2::${i.toString(16)}`);
    expect(limiter.blocked('someone-else', '2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(true);
    expect(limiter.blocked('someone-else', '2001:0db8:0001:0002:0:0:0:9')).toBe(true);
    expect(limiter.blocked('someone-else', '2001:db8:1:3::1')).toBe(false);
    // IPv4, also written IPv4-mapped, stays one address each.
    for (let i = 1; i <= MAX_FAILURES; i++) limiter.fail(`user${i}`, `::ffff:198.51.100.${i}`);
    expect(limiter.blocked('someone-else', '::ffff:198.51.100.77')).toBe(false);
    expect(limiter.blocked('someone-else', '198.51.100.1')).toBe(false);
  });
});
