/**
 * @module bench/load/run-context
 * When, where and on what a load run happened, for the head of its report: date, commit, CPU
 * cores and model, memory, Node version, and the load average at the start (other work on the
 * machine makes the numbers noisy, and the report should show it).
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import { REPO_ROOT } from '../../config';

export interface RunContext {
  date: string;
  commit: string;
  cores: number;
  cpu: string;
  memoryGb: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started. */
  loadAverage: number;
}

/** @example const ctx = runContext(); ctx.cores // 2 */
export function runContext(): RunContext {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a checkout
  }
  return {
    date: new Date().toISOString(),
    commit,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown cpu',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: os.platform(),
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** One line for a report's head. */
export function describeContext(c: RunContext): string {
  return `${c.date}, commit ${c.commit}, ${c.cores} cores (${c.cpu}), ${c.memoryGb} GB RAM, Node ${c.node}, ${c.platform}; load average ${c.loadAverage} at the start`;
}
