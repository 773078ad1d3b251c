/**
 * `kefu serve --workers 2` end to end (issue 13, both cores): one port, two worker processes on
 * one embedded store. Staff on one worker take over, write to and release a conversation served
 * by the other; the turns of one conversation whose two sockets sit on different workers keep
 * their arrival order, each answered once; a worker killed with SIGKILL is replaced and its
 * shopper reconnects and resumes. zh and en.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { openStores } from '../../src/storage/open-stores';
import { buildOnce } from '../durability/kefu-process';
import { ConsoleClient } from '../staff/staff-fixture';
import { startCluster, type ClusterProcess } from './cluster-process';
import { Shopper, Staff, waitFor } from './cluster-clients';
import { botMessages, expectArrivalOrderAcross, expectTakeoverAcross, LOCALES, TEXTS } from './shared-room-checks';

jest.setTimeout(400_000);

let dataDir = '';
let server: ClusterProcess;
let login: { name: string; password: string };
const open: { close(): void }[] = [];

beforeAll(async () => {
  buildOnce();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-cluster-'));
  // The account is made before the server starts, as `kefu staff add` would.
  const stores = await openStores(loadConfig({ dataDir }));
  const { password } = await createStaffAccount(stores.staff, { name: 'agent-cluster', role: 'agent', displayName: 'Wang' }, { staffId: 'cli', staffName: 'cli' });
  await stores.close();
  login = { name: 'agent-cluster', password };
  server = await startCluster(dataDir, 2);
});

afterEach(() => open.splice(0).forEach((c) => c.close()));

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Connects shoppers (the primary hands new connections to the workers in turn) until one is on a worker other than `not`. */
async function shopperNotOn(not: string, auth: Record<string, unknown>, reconnect = false): Promise<Shopper> {
  for (let tries = 0; tries < 8; tries++) {
    const shopper = await Shopper.connect(server.url, auth, reconnect);
    open.push(shopper);
    if (shopper.worker !== not) return shopper;
  }
  throw new Error(`every shopper landed on worker ${not}`);
}

describe.each(LOCALES)('two workers (%s)', (locale) => {
  test('staff on one worker take over, write to and release a conversation served by the other', async () => {
    const agent = await ConsoleClient.login(server.url, login);
    const staff = await Staff.connect(server.url, agent.cookie);
    open.push(staff);
    await expectTakeoverAcross(agent, staff, await shopperNotOn(staff.worker, { locale }), locale);
  });

  test('the turns of one conversation with a socket on each worker keep their arrival order, each answered once', async () => {
    const first = await Shopper.connect(server.url, { locale });
    open.push(first);
    const id = first.session.conversationId;
    await first.say(TEXTS[locale].hello); // stores the conversation, so the second socket resumes it
    const second = await shopperNotOn(first.worker, { locale, conversationId: id });
    expect(second.session).toMatchObject({ conversationId: id, resumed: true });
    await expectArrivalOrderAcross(first, second, locale);
  });
});

test('a worker killed with SIGKILL is replaced; its shopper reconnects and resumes (zh, en)', async () => {
  const shoppers = await Promise.all(LOCALES.map((locale) => Shopper.connect(server.url, { locale }, true)));
  open.push(...shoppers);
  // The one whose worker dies; the other may be on either.
  const victim = shoppers[0];
  for (const [i, s] of shoppers.entries()) expect(botMessages(await s.say(TEXTS[LOCALES[i]].hello)).length).toBeGreaterThan(0);
  const pid = server.pidOf(victim.worker);
  process.kill(pid, 'SIGKILL');
  await server.waitForOutput(new RegExp(`kefu worker (\\d+) replaced worker ${victim.worker}\\n`), 120_000);

  await waitFor(() => victim.sessions.length > 0, 60_000, 'the shopper to reconnect');
  expect(victim.sessions[0]).toMatchObject({ conversationId: victim.session.conversationId, resumed: true });
  const before = (await victim.history()).filter((a) => a.from.role === 'user').map((a) => a.text);
  expect(before).toEqual([TEXTS.zh.hello]);
  expect(botMessages(await victim.say(TEXTS.zh.after)).length).toBeGreaterThan(0);
  for (const [i, s] of shoppers.entries()) {
    if (s !== victim) expect(botMessages(await s.say(TEXTS[LOCALES[i]].after)).length).toBeGreaterThan(0);
  }
  expect(() => process.kill(pid, 0)).toThrow();
});
