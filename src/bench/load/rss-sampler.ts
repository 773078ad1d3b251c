/**
 * @module bench/load/rss-sampler
 * A server's resident memory, read from `/proc/<pid>/status` (VmRSS) of the process and every
 * descendant (so `kefu serve --workers N` counts all its workers), sampled on a timer. Linux
 * only; elsewhere every reading is null and the reports say so.
 */
import fs from 'node:fs';

/** Parent pid → child pids, from `/proc/<pid>/stat` of every process (`/proc/.../children` is not always built in). */
function childrenByParent(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(name));
      map.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  return map;
}

function vmRssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * VmRSS in KiB of `pid` plus all its descendants; null when `/proc` cannot be read.
 * @example treeRssKb(server.pid)
 */
export function treeRssKb(pid: number): number | null {
  if (vmRssKb(pid) === null) return null;
  return processTree(pid).reduce((total, p) => total + (vmRssKb(p) ?? 0), 0);
}

/** `pid` and all its descendants (empty when `/proc` has no such process). */
export function processTree(pid: number): number[] {
  if (!fs.existsSync(`/proc/${pid}`)) return [];
  const tree = childrenByParent();
  const out: number[] = [];
  for (const stack = [pid]; stack.length > 0; ) {
    const p = stack.pop() as number;
    out.push(p);
    stack.push(...(tree.get(p) ?? []));
  }
  return out;
}

export interface RssSample {
  /** Seconds since the sampler started. */
  t: number;
  kb: number;
}

/** Reads {@link treeRssKb} every `everyMs` until stopped. */
export class RssSampler {
  readonly samples: RssSample[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly started = Date.now();

  constructor(
    private readonly pid: number,
    everyMs: number,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  sample(): number | null {
    const kb = treeRssKb(this.pid);
    if (kb !== null) this.samples.push({ t: Math.round((Date.now() - this.started) / 100) / 10, kb });
    return kb;
  }

  stop(): { peakMb: number | null; lastMb: number | null; samples: RssSample[] } {
    clearInterval(this.timer);
    this.sample();
    const mb = (kb: number): number => Math.round(kb / 102.4) / 10;
    const peak = this.samples.reduce<number | null>((m, s) => (m === null || s.kb > m ? s.kb : m), null);
    const last = this.samples.at(-1)?.kb ?? null;
    return { peakMb: peak === null ? null : mb(peak), lastMb: last === null ? null : mb(last), samples: this.samples };
  }
}
