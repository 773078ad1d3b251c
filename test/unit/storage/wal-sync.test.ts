/**
 * WalSync: the fsync after COMMIT, off the event loop. Calls made while an fsync runs share the
 * next one (never the one in flight, which began before their commits); a WAL that cannot be
 * synced rejects, so nothing is acknowledged.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WalSync } from '../../../src/storage/embedded/wal-sync';

describe('WalSync', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-wal-sync-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should resolve after an fsync, and share one fsync among the calls made while another runs', async () => {
    const file = path.join(dir, 'kefu.db-wal');
    fs.writeFileSync(file, 'frames');
    const wal = new WalSync(file);
    const first = wal.sync();
    // These come after the first fsync began: one more fsync covers all of them.
    const later = Array.from({ length: 20 }, () => wal.sync());
    await first;
    expect(wal.count()).toBeGreaterThanOrEqual(1);
    await Promise.all(later);
    expect(wal.count()).toBe(2);
    wal.close();
  });

  it('should follow a WAL file that was replaced', async () => {
    const file = path.join(dir, 'kefu.db-wal');
    fs.writeFileSync(file, 'a');
    const wal = new WalSync(file);
    await wal.sync();
    fs.rmSync(file);
    fs.writeFileSync(file, 'b');
    await wal.sync();
    expect(wal.count()).toBe(2);
    wal.close();
  });

  it('should reject when the WAL cannot be synced', async () => {
    const wal = new WalSync(path.join(dir, 'missing-wal'));
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    expect(wal.count()).toBe(0);
  });
});
