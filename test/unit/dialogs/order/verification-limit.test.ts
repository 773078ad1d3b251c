import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedStores } from '../../../../src/storage/embedded';
import type { Stores } from '../../../../src/core/stores';
import { VerificationLimit, verificationFailuresKey } from '../../../../src/dialogs/order/verification-limit';

const HOUR = 60 * 60 * 1000;

describe('VerificationLimit', () => {
  let dir: string;
  let stores: Stores;
  let now: number;
  const limit = (): VerificationLimit => new VerificationLimit(stores.state, { now: () => now });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-verification-limit-'));
    stores = openEmbeddedStores(dir);
    now = Date.parse('2026-11-20T10:00:00Z');
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should admit 5 answers per order number and then lock it, counting down what is left', async () => {
    const l = limit();
    const admissions = [];
    for (let i = 0; i < 7; i++) admissions.push(await l.admit('DD20261101008'));
    expect(admissions.map((a) => a.admitted)).toEqual([true, true, true, true, true, false, false]);
    expect(admissions.map((a) => a.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    // Another order number has its own count.
    expect((await l.admit('DD20261101009')).admitted).toBe(true);
  });

  it('should give back the slot of a right answer', async () => {
    const l = limit();
    await l.admit('DD20261101008');
    await l.admit('DD20261101008');
    await l.release('DD20261101008');
    expect(await l.failures('DD20261101008')).toBe(1);
    await l.release('DD20261101008');
    await l.release('DD20261101008');
    expect(await l.failures('DD20261101008')).toBe(0);
  });

  it('should count a window older than an hour as zero, and start a new one', async () => {
    const l = limit();
    for (let i = 0; i < 5; i++) await l.admit('DD20261101008');
    now += HOUR - 1;
    expect((await l.admit('DD20261101008')).admitted).toBe(false);
    now += 1;
    expect(await l.failures('DD20261101008')).toBe(0);
    expect(await l.admit('DD20261101008')).toEqual({ admitted: true, remaining: 4 });
    const key = verificationFailuresKey('DD20261101008');
    const stored = (await stores.state.read([key]))[key] as { windowStart: string; failures: number };
    expect(stored).toMatchObject({ windowStart: new Date(now).toISOString(), failures: 1 });
    // Nothing but the order number and the count is kept.
    expect(Object.keys(stored).sort()).toEqual(['eTag', 'failures', 'windowStart']);
  });

  it('should let no more than 5 of 30 parallel answers through, on one server', async () => {
    const l = limit();
    const admissions = await Promise.all(Array.from({ length: 30 }, () => l.admit('DD20261101008')));
    expect(admissions.filter((a) => a.admitted)).toHaveLength(5);
    expect(await l.failures('DD20261101008')).toBe(5);
  });

  it('should let no more than 5 through when two servers share the store (the loser of a race fails)', async () => {
    const servers = [limit(), limit()];
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => servers[i % 2].admit('DD20261101008')));
    const admitted = results.filter((r) => r.status === 'fulfilled' && r.value.admitted).length;
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(admitted).toBeLessThanOrEqual(5);
    expect(await limit().failures('DD20261101008')).toBe(admitted);
    for (const f of failed) expect((f.reason as { code?: string }).code).toBe('KEFU_STORAGE_CONFLICT');
  });

  it('should treat case variants as one order number and hash odd ones', () => {
    expect(verificationFailuresKey('dd20261101008')).toBe(verificationFailuresKey('DD20261101008'));
    expect(verificationFailuresKey('ord_20261105_77')).toBe('verification-failures/ORD_20261105_77');
    expect(verificationFailuresKey('A/B C')).toMatch(/^verification-failures\/sha256-[0-9a-f]{64}$/);
    expect(verificationFailuresKey('X'.repeat(65))).toMatch(/sha256-/);
  });
});
