/**
 * Security of console logins against the real server (issue 14 item 7): a flood of concurrent
 * attempts gets no more password checks than the limits allow; a lockout holds one name from one
 * address (with a doubling wait), so an attacker cannot lock the admin out; password checks run
 * a few at a time and the excess is refused at once, so a flood from 300 addresses does not make
 * the admin's login wait behind it.
 */
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, post } from '../staff/staff-fixture';
import { loginFrom, loopbackAddress, type LoginAnswer } from '../staff/login-from-address';

const ATTEMPTS = 20;
const MAX_FAILURES = 5;

describe('staff login limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  it('should check at most 5 passwords of concurrent attempts from one address and refuse the rest with 429 (en, zh)', async () => {
    const agent = await addStaff(server, 'agent');
    const answers = await Promise.all(
      Array.from({ length: ATTEMPTS }, (_, i) => post(server.url, '/api/staff/login', { name: agent.name, password: `wrong-password-${i}` })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(ATTEMPTS - MAX_FAILURES);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const refused = answers[statuses.indexOf(429)];
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error).toMatchObject({ code: 'KEFU_RATE_LIMIT', message: expect.stringMatching(/Please try again in/), zh: expect.stringMatching(/后再试/) });
    // Sequential wrong passwords use up the pair's remaining failures (one address holds only 2
    // places in the password-check queue, so the flood itself may have had fewer checked).
    for (let i = statuses.filter((s) => s === 401).length; i < MAX_FAILURES; i++) {
      expect((await post(server.url, '/api/staff/login', { name: agent.name, password: `wrong-again-${i}` })).status).toBe(401);
    }
    // Now the right password from the same address waits as well.
    const locked = await post(server.url, '/api/staff/login', { name: agent.name, password: agent.password });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect((await locked.json()).error).toMatchObject({ message: expect.stringMatching(/1 minute/), zh: expect.stringMatching(/1 分钟后再试/) });
    // From another address the same name logs in.
    expect((await loginFrom(server.url, '127.0.0.2', agent)).status).toBe(200);
  });

  it('should let the admin log in from their address while an attacker’s address is locked out of the admin’s name', async () => {
    const admin = await addStaff(server, 'admin');
    const office = '127.0.0.12';
    const attacker = '127.0.0.66';
    expect((await loginFrom(server.url, office, admin)).status).toBe(200);
    for (let i = 0; i < MAX_FAILURES; i++) expect((await loginFrom(server.url, attacker, { name: admin.name, password: `guess-${i}` })).status).toBe(401);
    const locked = await loginFrom(server.url, attacker, admin);
    expect(locked.status).toBe(429);
    expect(locked.setCookie).toBeUndefined();
    expect(locked.body.error).toMatchObject({ code: 'KEFU_RATE_LIMIT', retryAfterSeconds: 60 });
    expect(locked.retryAfter).toBe('60');
    const fromOffice = await loginFrom(server.url, office, admin);
    expect(fromOffice.status).toBe(200);
    expect(fromOffice.body.staff).toMatchObject({ name: admin.name });
    // And from an address the admin never used, too: the lock is the attacker's alone.
    expect((await loginFrom(server.url, '127.0.0.13', admin)).status).toBe(200);
  });

  it('should lock an unknown name exactly like a real one (same answers, same wait)', async () => {
    const agent = await addStaff(server, 'agent');
    const answers = async (name: string, address: string): Promise<LoginAnswer[]> => {
      const out: LoginAnswer[] = [];
      for (let i = 0; i < MAX_FAILURES + 1; i++) out.push(await loginFrom(server.url, address, { name, password: `guess-${i}` }));
      return out;
    };
    const real = await answers(agent.name, '127.0.0.21');
    const unknown = await answers(`nobody-${agent.name}`, '127.0.0.22');
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown.map((a) => [a.status, a.body, a.retryAfter])).toEqual(real.map((a) => [a.status, a.body, a.retryAfter]));
  });

  it('should refuse an address that sprays 20 names, but not the names from elsewhere', async () => {
    const agent = await addStaff(server, 'agent');
    const sprayer = '127.0.0.31';
    for (let i = 0; i < 20; i++) expect((await loginFrom(server.url, sprayer, { name: `spray-${i}`, password: 'x' })).status).toBe(401);
    const refused = await loginFrom(server.url, sprayer, agent);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ message: expect.stringMatching(/15 minutes/), zh: expect.stringMatching(/15 分钟后再试/) });
    expect((await loginFrom(server.url, '127.0.0.32', agent)).status).toBe(200);
  });

  it('should let the admin in while 300 parallel wrong logins from 300 addresses are checked a few at a time or refused at once', async () => {
    const admin = await addStaff(server, 'admin');
    const office = '127.0.0.12';
    expect((await loginFrom(server.url, office, admin)).status).toBe(200);
    const finished: string[] = [];
    let firstRefusal!: () => void;
    const refusedOnce = new Promise<void>((resolve) => (firstRefusal = resolve));
    const flood = Array.from({ length: 300 }, (_, i) =>
      // Half guess the admin's name, half names that do not exist (they queue for a dummy check alike).
      loginFrom(server.url, loopbackAddress(i), { name: i % 2 ? admin.name : `nobody-${i}`, password: `guess-${i}` }).then((answer) => {
        finished.push(answer.status === 401 ? 'checked' : 'refused');
        if (answer.status === 429) firstRefusal();
        return answer;
      }),
    );
    // The password checks are full and the queue too: only now does the admin try.
    await refusedOnce;
    const login = await loginFrom(server.url, office, admin);
    finished.push('admin');
    const answers = await Promise.all(flood);

    expect(login.status).toBe(200);
    expect(login.body.staff).toMatchObject({ name: admin.name });
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    // The excess was refused at once with a retry-after instead of queueing behind the others.
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.body.error).toMatchObject({ code: 'KEFU_RATE_LIMIT', message: expect.stringMatching(/Please try again in/), zh: expect.stringMatching(/后再试/) });
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // No more than the name's flood limit (100) got a password check at all.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(100);
    // The admin went ahead of attempts that were already waiting for a check.
    expect(finished.slice(finished.indexOf('admin') + 1)).toContain('checked');
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
