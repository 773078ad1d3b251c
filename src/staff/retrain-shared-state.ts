/**
 * @module staff/retrain-shared-state
 * Where a retrain's claim and progress live so that every worker of `kefu serve --workers N` sees
 * them (they share the model folder; the console's requests reach any worker): `retrain.lock`, created
 * exclusively by the worker that runs the retrain (with its pid, so a crashed worker's lock is taken
 * over), and `retrain-status.json`, replaced whole on each change.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RetrainStatus } from './retrain-job';

export const RETRAIN_LOCK_FILE = 'retrain.lock';
export const RETRAIN_STATUS_FILE = 'retrain-status.json';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockHolder(modelDir: string): number | undefined {
  try {
    const pid = Number(JSON.parse(fs.readFileSync(path.join(modelDir, RETRAIN_LOCK_FILE), 'utf8')).pid);
    return Number.isInteger(pid) && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the retrain for this process; false while a live process holds it. */
export function claimRetrain(modelDir: string): boolean {
  fs.mkdirSync(modelDir, { recursive: true });
  const lock = path.join(modelDir, RETRAIN_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }), { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || lockHolder(modelDir) !== undefined) return false;
      // Left by a process that is gone: taken over.
      fs.rmSync(lock, { force: true });
    }
  }
  return false;
}

export function releaseRetrain(modelDir: string): void {
  if (lockHolder(modelDir) === process.pid) fs.rmSync(path.join(modelDir, RETRAIN_LOCK_FILE), { force: true });
}

export function writeRetrainStatus(modelDir: string, status: RetrainStatus): void {
  const file = path.join(modelDir, RETRAIN_STATUS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(status));
  fs.renameSync(tmp, file);
}

/** The last retrain any worker ran; one whose worker died while running reads as failed. */
export function readRetrainStatus(modelDir: string): RetrainStatus | undefined {
  let status: RetrainStatus;
  try {
    status = JSON.parse(fs.readFileSync(path.join(modelDir, RETRAIN_STATUS_FILE), 'utf8')) as RetrainStatus;
  } catch {
    return undefined;
  }
  if (status.state === 'running' && lockHolder(modelDir) === undefined) return { ...status, state: 'failed', error: 'interrupted (the server stopped)' };
  return status;
}
