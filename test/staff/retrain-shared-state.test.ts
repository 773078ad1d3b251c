/**
 * The retrain's claim and status shared by the workers of `--workers N` (one model folder): one
 * claim at a time, a dead worker's claim taken over, a retrain whose worker died reads as failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { claimRetrain, readRetrainStatus, releaseRetrain, RETRAIN_LOCK_FILE, writeRetrainStatus } from '../../src/staff/retrain-shared-state';

describe('retrain shared state', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-retrain-state-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The pid of a process that has exited. */
  const deadPid = (): number => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

  it('should give the claim to one holder at a time, and again after release', () => {
    expect(claimRetrain(dir)).toBe(true);
    expect(claimRetrain(dir)).toBe(false);
    releaseRetrain(dir);
    expect(fs.existsSync(path.join(dir, RETRAIN_LOCK_FILE))).toBe(false);
    expect(claimRetrain(dir)).toBe(true);
  });

  it('should take over the claim of a worker that died, and read its running retrain as failed', () => {
    fs.writeFileSync(path.join(dir, RETRAIN_LOCK_FILE), JSON.stringify({ pid: deadPid() }));
    writeRetrainStatus(dir, { state: 'running', percent: 40, step: 'held-out folds' });
    expect(readRetrainStatus(dir)).toMatchObject({ state: 'failed', percent: 40 });
    expect(claimRetrain(dir)).toBe(true);
    writeRetrainStatus(dir, { state: 'running', percent: 5, step: 'loading' });
    expect(readRetrainStatus(dir)).toEqual({ state: 'running', percent: 5, step: 'loading' });
  });

  it('should read nothing before any retrain', () => {
    expect(readRetrainStatus(dir)).toBeUndefined();
  });
});
