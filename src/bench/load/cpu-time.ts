/**
 * @module bench/load/cpu-time
 * CPU time a server used, from `/proc/<pid>/stat` (user + system ticks) of the process and every
 * descendant, so `kefu serve --workers N` counts all its workers. Divided by the turns of a window
 * it gives the server's CPU per turn: a cost that, unlike turns/s, hardly moves when other work
 * shares the machine. Linux only; elsewhere null.
 */
import fs from 'node:fs';
import { processTree } from './rss-sampler';

/** Clock ticks per second of `/proc/<pid>/stat` (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/**
 * Milliseconds of CPU `pid` and its living descendants have used; null when `/proc` cannot be read.
 * @example const before = treeCpuMs(server.pid); ... const used = treeCpuMs(server.pid)! - before!;
 */
export function treeCpuMs(pid: number): number | null {
  const tree = processTree(pid);
  if (tree.length === 0) return null;
  return (tree.reduce((sum, p) => sum + cpuTicks(p), 0) * 1000) / TICKS_PER_SECOND;
}
