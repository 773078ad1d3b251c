/**
 * @module bench/load/server-quiet
 * Waits until a server has stopped working (its CPU time, with its children's, barely grows), so
 * that one scenario's backlog or closing sockets do not run into the next one's measurement.
 * Reads `/proc/<pid>/stat`; where that is missing it returns at once.
 */
import fs from 'node:fs';
import { processTree } from './rss-sampler';

/** User + system CPU ticks of `pid` and its descendants; null without `/proc`. */
function cpuTicks(pid: number): number | null {
  const pids = processTree(pid);
  if (pids.length === 0) return null;
  let ticks = 0;
  for (const p of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after "pid (comm) ": state is the 1st, utime the 12th, stime the 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks;
}

/**
 * Resolves once `pid` used less than `maxShare` of one CPU over `windowMs`, or after `maxMs`;
 * true when it became quiet. Clock ticks are 1/100 s on Linux.
 * @example await waitUntilQuiet(kefu.pid)
 */
export async function waitUntilQuiet(pid: number, options: { windowMs?: number; maxShare?: number; maxMs?: number } = {}): Promise<boolean> {
  const windowMs = options.windowMs ?? 500;
  const maxShare = options.maxShare ?? 0.1;
  const deadline = Date.now() + (options.maxMs ?? 30000);
  let before = cpuTicks(pid);
  while (before !== null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = cpuTicks(pid);
    if (after === null) return true;
    if (((after - before) * 10) / windowMs < maxShare) return true;
    before = after;
  }
  return before === null;
}
