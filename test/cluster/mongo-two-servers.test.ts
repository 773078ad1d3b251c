/**
 * Across machines on MongoDB (issue 13, "Both cores"): two `kefu serve` processes on different
 * ports share one MongoDB database, as two machines would, two workers each (a one-process
 * `kefu serve` does not pass `singleProcessHooks` yet).
 * Room broadcasts cross between them through `@socket.io/mongo-adapter` (an agent's message
 * written on B reaches a shopper connected to A; the shopper's messages reach the console on B),
 * and the turns of one conversation with a socket on each server keep their arrival order, each
 * answered once (`mongo-turn-order`). zh and en. Needs `MONGODB_URI` (a replica set); without it
 * the suite is skipped and says so.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { loadConfig } from '../../src/config';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { openStores } from '../../src/storage/open-stores';
import { buildOnce } from '../durability/kefu-process';
import { ConsoleClient } from '../staff/staff-fixture';
import { Shopper, Staff } from './cluster-clients';
import { startCluster, type ClusterProcess } from './cluster-process';
import { expectArrivalOrderAcross, expectTakeoverAcross, LOCALES, TEXTS } from './shared-room-checks';

/** `MONGODB_URI` with a database of this run's own (dropped afterwards), or undefined. */
function databaseOfThisRun(): string | undefined {
  if (!process.env.MONGODB_URI) return undefined;
  const url = new URL(process.env.MONGODB_URI);
  url.pathname = `/kefu_rooms_${randomUUID().slice(0, 8)}`;
  return url.toString();
}

const dbUri = databaseOfThisRun();

if (dbUri) {
  jest.setTimeout(300_000);
  const dirs: string[] = [];
  let a: ClusterProcess;
  let b: ClusterProcess;
  let login: { name: string; password: string };
  const open: { close(): void }[] = [];

  beforeAll(async () => {
    buildOnce();
    const stores = await openStores(loadConfig({ mongodbUri: dbUri }));
    const { password } = await createStaffAccount(stores.staff, { name: 'agent-rooms', role: 'agent', displayName: 'Wang' }, { staffId: 'cli', staffName: 'cli' });
    await stores.close();
    login = { name: 'agent-rooms', password };
    const env = { KEFU_MONGODB_URI: dbUri };
    const dir = (): string => (dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-rooms-'))), dirs[dirs.length - 1]);
    // One after the other: the first imports the demo shop into the empty database, the second finds it.
    a = await startCluster(dir(), 2, env);
    // Server B is a one-process kefu serve: it shares rooms and turn order too.
    b = await startCluster(dir(), 1, env);
  });

  afterEach(() => open.splice(0).forEach((c) => c.close()));

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
    const client = await MongoClient.connect(dbUri);
    await client.db().dropDatabase();
    await client.close();
  });

  describe.each(LOCALES)('two kefu servers on one MongoDB (%s)', (locale) => {
    test("an agent on server B takes over, writes to and releases a shopper's conversation on server A", async () => {
      const agent = await ConsoleClient.login(b.url, login);
      const staff = await Staff.connect(b.url, agent.cookie);
      open.push(staff);
      const shopper = await Shopper.connect(a.url, { locale });
      open.push(shopper);
      await expectTakeoverAcross(agent, staff, shopper, locale);
    });

    test('the turns of one conversation with a socket on each server keep their arrival order, each answered once', async () => {
      const first = await Shopper.connect(a.url, { locale });
      open.push(first);
      await first.say(TEXTS[locale].hello); // stores the conversation, so the second socket resumes it
      const second = await Shopper.connect(b.url, { locale, conversationId: first.session.conversationId });
      open.push(second);
      expect(second.session).toMatchObject({ conversationId: first.session.conversationId, resumed: true });
      await expectArrivalOrderAcross(first, second, locale);
    });
  });
} else {
  // Said in the test log too: a skipped test's name is not printed by jest's default reporter.
  console.info('Two kefu servers on MongoDB skipped: MONGODB_URI is not set (point it at a replica set to run it).');
  describe('two kefu servers on one MongoDB', () => {
    it.skip('skipped: MONGODB_URI not set (set it to a replica set, e.g. mongodb://localhost:27017/?replicaSet=rs0, to run two servers on it)', () => undefined);
  });
}
