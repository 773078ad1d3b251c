/**
 * @module bench/load/load-options
 * The command line of `npm run bench:load`, with defaults that keep the whole run under three
 * minutes on a 2-core machine.
 */
import path from 'node:path';
import { REPO_ROOT } from '../../config';

export type ScenarioKind = 'closed' | 'open' | 'idle';
export type Target = 'echo' | 'kefu';

export interface LoadBenchOptions {
  scenarios: ScenarioKind[];
  /** Closed loop: one scenario per count. @default [200, 1000] */
  conversations: number[];
  /** Open loop: shoppers, each sending one message every `intervalMs`. @default 1000 */
  openConversations: number;
  /** @default 2000 */
  intervalMs: number;
  /** Measured window per scenario. @default 10 s */
  durationMs: number;
  /** Before the window (connects, ramp, JIT). @default 3 s */
  warmupMs: number;
  /** Idle sockets for the memory count. @default 10000 */
  idle: number;
  /** Servers whose idle memory is counted (10,000 connects take a while). @default ['kefu'] */
  idleTargets: Target[];
  targets: Target[];
  /** Passed to `kefu serve --workers N` (a number or `auto`) when serve supports it. @default '1' */
  workers: string;
  /** Run the load generator in a child process of its own instead of the bench process. */
  clientProcess: boolean;
  /** With taskset: servers on every CPU but the last, the load generator (own process) on the last. */
  pin: boolean;
  /** The Markdown report; the JSON goes beside it. @default test/reports/bench-load.md */
  out: string;
}

export const USAGE = `usage: node dist/bench/load/load-bench.js [options]
  --scenarios closed,open,idle   which scenarios (default all)
  --conversations 200,1000       closed-loop conversation counts
  --open-conversations 1000      open loop: shoppers, each sending every --interval ms
  --interval 2000
  --duration 10                  measured seconds per scenario (after --warmup seconds)
  --warmup 3
  --idle 10000                   idle sockets for the memory per connection
  --idle-targets kefu            servers whose idle memory is counted (echo,kefu for socket.io's own)
  --targets echo,kefu
  --workers N|auto               kefu serve --workers N (when serve supports it)
  --client-process               load generator in its own process
  --pin                          taskset: servers on CPUs 0..n-2, generator on the last (implies --client-process)
  --out FILE.md                  default test/reports/bench-load.md (+ .json)
`;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`${flag}: unknown "${item}" (allowed: ${allowed.join(', ')})`);
  return items as T[];
}

function count(value: string | undefined, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}, got "${value}"`);
  return n;
}

/**
 * Parses `argv` (without node and the script).
 * @example parseLoadOptions(['--scenarios', 'closed', '--duration', '5'])
 */
export function parseLoadOptions(argv: string[]): LoadBenchOptions {
  const o: LoadBenchOptions = {
    scenarios: ['closed', 'open', 'idle'],
    conversations: [200, 1000],
    openConversations: 1000,
    intervalMs: 2000,
    durationMs: 10000,
    warmupMs: 3000,
    idle: 10000,
    idleTargets: ['kefu'],
    targets: ['echo', 'kefu'],
    workers: '1',
    clientProcess: false,
    pin: false,
    out: path.join(REPO_ROOT, 'test', 'reports', 'bench-load.md'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--scenarios') o.scenarios = list(value(), ['closed', 'open', 'idle'] as const, flag);
    else if (flag === '--conversations') o.conversations = value().split(',').map((v) => Math.round(count(v, flag)));
    else if (flag === '--open-conversations') o.openConversations = Math.round(count(value(), flag));
    else if (flag === '--interval') o.intervalMs = count(value(), flag, 10);
    else if (flag === '--duration') o.durationMs = count(value(), flag, 0.5) * 1000;
    else if (flag === '--warmup') o.warmupMs = count(value(), flag, 0) * 1000;
    else if (flag === '--idle') o.idle = Math.round(count(value(), flag));
    else if (flag === '--idle-targets') o.idleTargets = list(value(), ['echo', 'kefu'] as const, flag);
    else if (flag === '--targets') o.targets = list(value(), ['echo', 'kefu'] as const, flag);
    else if (flag === '--workers') o.workers = value() === 'auto' ? 'auto' : String(Math.round(count(argv[i], flag)));
    else if (flag === '--client-process') o.clientProcess = true;
    else if (flag === '--pin') o.pin = o.clientProcess = true;
    else if (flag === '--out') o.out = path.resolve(value());
    else if (flag === '-h' || flag === '--help') throw new Error(USAGE);
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return o;
}
