/**
 * `kefu staff add` / `kefu staff list` against the data directory of a running server: the
 * printed one-time password (or one from standard input) logs in to the console.
 */
import { main } from '../../src/cli/main';
import { runStaff } from '../../src/cli/staff-command';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { captureStdout, commandIo, withEnv } from './env-scope';
import { ConsoleClient } from './staff-fixture';

describe('kefu staff', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const staff = async (args: string[], stdin = '') => {
    const { io, output } = commandIo(stdin);
    const code = await withEnv({ KEFU_DATA_DIR: server.dataDir, MONGODB_URI: undefined, KEFU_QUIET: 'true' }, () => runStaff(args, io));
    return { code, ...output() };
  };

  it('should add an agent and print a one-time password that logs in', async () => {
    const r = await staff(['add', 'li.na', '--role', 'agent', '--display-name', '客服李娜']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('added agent li.na (客服李娜)');
    const password = /one-time password \(shown only now\): (\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16,}$/);
    const c = await ConsoleClient.login(server.url, { name: 'li.na', password: password! });
    expect(c.staff).toEqual({ id: expect.any(String), name: 'li.na', displayName: '客服李娜', role: 'agent' });
    // Shown once: it is not stored in clear.
    const stored = await server.stores.staff.directory.byName('li.na');
    expect(stored!.passwordHash).toMatch(/^scrypt\$/);
    expect(stored!.passwordHash).not.toContain(password);
  });

  it('should take the password from standard input with --password-stdin', async () => {
    const r = await staff(['add', 'Alice', '--role', 'admin', '--password-stdin'], 'a long admin passphrase\n');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('one-time password');
    const c = await ConsoleClient.login(server.url, { name: 'alice', password: 'a long admin passphrase' });
    expect(c.staff.role).toBe('admin');
    expect((await c.get('/api/staff/accounts')).status).toBe(200);
  });

  it('should list accounts without their hashes, and write staff.add to the audit log', async () => {
    const r = await staff(['list']);
    expect(r.stdout).toContain('li.na\tagent\t客服李娜');
    expect(r.stdout).toContain('alice\tadmin\talice');
    expect(r.stdout).not.toContain('scrypt');
    // The same through `kefu <command>`.
    const viaMain = await withEnv({ KEFU_DATA_DIR: server.dataDir, MONGODB_URI: undefined }, () => captureStdout(() => main(['staff', 'list'])));
    expect(viaMain.result).toBe(0);
    expect(viaMain.stdout).toBe(r.stdout);
    const entries = await server.stores.staff.audit.list({ limit: 50 });
    expect(entries.filter((e) => e.action === 'staff.add' && e.staffId === 'cli').map((e) => e.detail)).toEqual(
      expect.arrayContaining([{ name: 'li.na', role: 'agent' }, { name: 'alice', role: 'admin' }]),
    );
  });

  it('should refuse a taken name, a bad role, a short password and missing options', async () => {
    const taken = await staff(['add', 'LI.NA', '--role', 'agent']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already taken');
    const role = await staff(['add', 'bob', '--role', 'root']);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('role must be');
    const short = await staff(['add', 'bob', '--role', 'agent', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('12');
    expect((await staff(['add', 'bob'])).code).toBe(2);
    expect((await staff(['add', '--role', 'agent'])).code).toBe(2);
    expect((await staff(['remove', 'bob'])).code).toBe(2);
    expect(await server.stores.staff.directory.byName('bob')).toBeNull();
  });

  it('should let an admin add an account from the console, shown once, and refuse bad input', async () => {
    const admin = await ConsoleClient.login(server.url, { name: 'alice', password: 'a long admin passphrase' });
    const res = await admin.post<{ account: { name: string; role: string; displayName: string }; password: string }>('/api/staff/accounts', { name: 'wang.wei', role: 'agent', displayName: '客服小王' });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ name: 'wang.wei', role: 'agent', displayName: '客服小王' });
    await ConsoleClient.login(server.url, { name: 'wang.wei', password: res.body.password });
    for (const body of [{ name: 'wang.wei', role: 'agent' }, { name: 'x', role: 'agent' }, { name: 'ok.name', role: { $gt: '' } }, { name: 'ok.name', role: 'agent', displayName: '<img src=x>' }]) {
      const bad = await admin.post<{ error: { code: string; zh: string } }>('/api/staff/accounts', body);
      expect([body, bad.status]).toEqual([body, body.name === 'wang.wei' ? 409 : 400]);
      expect(bad.body.error.zh).toEqual(expect.any(String));
    }
    const list = await admin.get<{ accounts: Record<string, unknown>[] }>('/api/staff/accounts');
    expect(list.body.accounts.map((a) => a.name)).toEqual(expect.arrayContaining(['li.na', 'alice', 'wang.wei']));
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });
});
