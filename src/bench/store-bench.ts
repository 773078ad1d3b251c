/**
 * @module bench/store-bench
 * Write throughput and latency of the store as the server uses it (adapter + privacy
 * layer): activities written per second and p50/p99 latency of one append, with 1 conversation
 * and with 100 concurrent conversations, plus a whole turn's writes (message, dialog state,
 * two replies all or nothing), and `turn+cpu`: a turn with 1 ms of CPU between its writes (the NLU
 * and dialog of a real turn, about 1 ms on this machine). The embedded store three ways in one run:
 * one transaction per write (the old path, `groupCommit: false`), group commit on the main thread
 * (the server's), and group commit in a worker thread owning the connection (issue 13's
 * alternative, `store-bench-worker`). MongoDB too when `KEFU_MONGODB_URI` is set.
 *
 * @example npm run bench:store            # writes test/reports/bench-store.md and .json
 * @example node dist/bench/store-bench.js --appends 2000 --out /tmp/bench-store.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { isMainThread } from 'node:worker_threads';
import { loadConfig, REPO_ROOT } from '../config';
import type { ChatActivity } from '../core/conversation';
import { DEFAULT_PRIVACY } from '../privacy/privacy-settings';
import { openEmbeddedStores } from '../storage/embedded';
import { withPrivacy } from '../storage/open-stores';
import type { Stores } from '../core/stores';
import { openWorkerStores } from './store-bench-worker';

export interface ScenarioResult {
  store: string;
  /** How writes are committed: `per write`, `group`, `group, worker thread` (embedded) or `driver` (MongoDB). */
  commit: string;
  scenario: string;
  conversations: number;
  /** Activities (or turns) written. */
  writes: number;
  seconds: number;
  perSecond: number;
  /** Activities stored per second (a turn stores three: the message and two replies). */
  activitiesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

const TEXTS = ['帮我查下订单DD20260101001到哪了', 'where is my order BK20260101007', '我的手机 138 0000 1234', 'how much is shipping to 12 Baker St, London'];

function activity(conversationId: string, i: number, role: 'user' | 'bot' = 'user', replyToId?: string): ChatActivity {
  return {
    type: 'message',
    id: `${conversationId}-${role}-${i}`,
    timestamp: new Date().toISOString(),
    conversationId,
    from: { id: role === 'user' ? 'shopper' : 'kefu-bot', role },
    text: TEXTS[i % TEXTS.length],
    ...(replyToId ? { replyToId } : {}),
  };
}

/** `conversations` workers, each writing `each` times one after another; latencies of every write. */
async function run(
  store: string,
  commit: string,
  scenario: string,
  conversations: number,
  each: number,
  write: (conversationId: string, i: number) => Promise<void>,
  activitiesPerWrite = 1,
): Promise<ScenarioResult> {
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      const conversationId = `bench-${scenario}-${conversations}-${c}`;
      for (let i = 0; i < each; i++) {
        const t0 = process.hrtime.bigint();
        await write(conversationId, i);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    store,
    commit,
    scenario,
    conversations,
    writes: latencies.length,
    seconds: round(seconds, 3),
    perSecond: Math.round(latencies.length / seconds),
    activitiesPerSecond: Math.round((latencies.length * activitiesPerWrite) / seconds),
    p50Ms: round(percentile(latencies, 50), 3),
    p99Ms: round(percentile(latencies, 99), 3),
    maxMs: round(latencies[latencies.length - 1] ?? 0, 3),
  };
}

/** Keeps the thread busy for `ms` (the turn's NLU and dialog, which block the event loop alike). */
function spin(ms: number): void {
  const until = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < until);
}

type Scenario = 'append' | 'turn' | 'turn+cpu';
const CPU_MS = 1;

async function benchStore(
  name: string,
  commit: string,
  stores: Stores,
  appends: number,
  scenarios: Scenario[] = ['append', 'turn', 'turn+cpu'],
  concurrency: number[] = [1, 100],
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const append = async (conversationId: string, i: number): Promise<void> => {
    await stores.transcripts.append(activity(conversationId, i));
  };
  const turn = (cpuMs: number) => async (conversationId: string, i: number): Promise<void> => {
    const inbound = activity(conversationId, i);
    await stores.transcripts.append(inbound);
    const key = `bench/conversations/${conversationId}/`;
    const state = (await stores.state.read([key]))[key] ?? {};
    if (cpuMs > 0) spin(cpuMs);
    await stores.state.write({ [key]: { ...state, turn: i } });
    const replies = [activity(conversationId, 2 * i, 'bot', inbound.id), activity(conversationId, 2 * i + 1, 'bot', inbound.id)];
    await stores.transcripts.appendAll(replies);
  };
  for (const conversations of concurrency) {
    const each = Math.max(1, Math.round(appends / conversations));
    const turns = Math.max(1, Math.round(each / 4));
    if (scenarios.includes('append')) results.push(await run(name, commit, 'append', conversations, each, append));
    if (scenarios.includes('turn')) results.push(await run(name, commit, 'turn', conversations, turns, turn(0), 3));
    if (scenarios.includes('turn+cpu')) results.push(await run(name, commit, 'turn+cpu', conversations, turns, turn(CPU_MS), 3));
  }
  return results;
}

/** The embedded store on this thread, with or without group commit. */
const onMainThread = (groupCommit: boolean) => (dir: string) => {
  const stores = openEmbeddedStores(dir, { groupCommit });
  return { stores, close: () => stores.close() };
};

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Main thread against worker thread on the server-like scenario (`turn+cpu`, 100 conversations),
 * in alternating rounds so that a change of the machine's load in between hits both alike.
 */
async function alternating(appends: number, rounds = 3): Promise<string> {
  const turns = Math.max(1, Math.round(appends / 100 / 4));
  const perSecond: Record<'main' | 'worker', number[]> = { main: [], worker: [] };
  for (let round = 0; round < rounds; round++) {
    for (const where of ['main', 'worker'] as const) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-store-'));
      const opened = where === 'main' ? onMainThread(true)(dir) : openWorkerStores(dir);
      try {
        const stores = withPrivacy(opened.stores, DEFAULT_PRIVACY);
        const [result] = await benchStore('alternating', where, stores, turns * 4 * 100, ['turn+cpu'], [100]);
        perSecond[where].push(result.perSecond);
      } finally {
        await opened.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return `Main thread vs worker thread, turn+cpu × 100, ${rounds} alternating rounds: main ${perSecond.main.join(', ')} turns/s (median ${median(perSecond.main)}), worker ${perSecond.worker.join(', ')} (median ${median(perSecond.worker)}).`;
}

/** One line per scenario: group commit against one transaction per write, and the worker thread against the main thread. */
function gains(results: ScenarioResult[]): string[] {
  const find = (commitMode: string, scenario: string, conversations: number) =>
    results.find((r) => r.commit === commitMode && r.scenario === scenario && r.conversations === conversations);
  const lines: string[] = [];
  for (const r of results.filter((x) => x.commit === 'group')) {
    const before = find('per write', r.scenario, r.conversations);
    if (before) {
      lines.push(
        `Group commit, ${r.scenario} × ${r.conversations}: ${r.perSecond} vs ${before.perSecond} writes/s (${round(r.perSecond / before.perSecond)}×), p99 ${r.p99Ms} vs ${before.p99Ms} ms.`,
      );
    }
    const worker = find('group, worker thread', r.scenario, r.conversations);
    if (worker) {
      lines.push(
        `Worker thread, ${r.scenario} × ${r.conversations}: ${worker.perSecond} vs ${r.perSecond} writes/s on the main thread (${round(worker.perSecond / r.perSecond)}×), p99 ${worker.p99Ms} vs ${r.p99Ms} ms.`,
      );
    }
  }
  return lines;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown cpu';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${os.platform()}`;
}

function commit(): string {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function markdown(results: ScenarioResult[], notes: string[]): string {
  const lines = [
    '# Store benchmark (`npm run bench:store`)',
    '',
    `Commit ${commit()}, ${new Date().toISOString()}, ${machine()}.`,
    '',
    'Writes go through the stack the server uses: the adapter and the privacy layer (each activity is redacted before it is stored).',
    '`append` = one activity; `turn` = what one shopper message costs: the message, a dialog-state read and eTag write, and two replies stored all or nothing; `turn+cpu` = a turn with 1 ms of CPU after its state read (standing in for the NLU and dialog).',
    'Latency is per write (per turn for `turn`), measured around the awaited call, which resolves only after the write is on disk: per write, COMMIT itself fsyncs (synchronous=FULL); with group commit COMMIT runs with synchronous=NORMAL and the WAL’s fsync runs on the thread pool, shared by the groups committed before it (`storage/embedded/wal-sync`); with 100 conversations the writes of all conversations are in flight together.',
    'Commit: `per write` = one transaction and fsync per write (the old path, `groupCommit: false`); `group` = the writes queued in one event-loop turn share one transaction and fsync, each in its own savepoint (the server\'s path); `group, worker thread` = the same in a worker thread that owns the connection, writes sent by `postMessage`, reads on the main thread.',
    '',
    '| store | commit | scenario | conversations | writes | seconds | writes/s | activities/s | p50 ms | p99 ms | max ms |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.store} | ${r.commit} | ${r.scenario} | ${r.conversations} | ${r.writes} | ${r.seconds} | ${r.perSecond} | ${r.activitiesPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} |`,
    ),
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<void> {
  let appends = 5000;
  let out = path.join(REPO_ROOT, 'test', 'reports', 'bench-store.md');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--appends') appends = Number(argv[++i]);
    else if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const notes: string[] = [];
  const results: ScenarioResult[] = [];
  const name = 'embedded (SQLite, WAL, fsync before acknowledging)';
  const embedded = async (commitMode: string, open: (dir: string) => { stores: Stores; close(): Promise<void> }, scenarios?: Scenario[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-store-'));
    const { stores, close } = open(dir);
    try {
      results.push(...(await benchStore(name, commitMode, withPrivacy(stores, DEFAULT_PRIVACY), appends, scenarios)));
    } finally {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  await embedded('per write', onMainThread(false));
  await embedded('group', onMainThread(true));
  await embedded('group, worker thread', openWorkerStores, ['turn', 'turn+cpu']);
  notes.push(...gains(results));
  notes.push(await alternating(appends));
  notes.push(`The embedded store is one SQLite file on the temp directory's disk (${os.tmpdir()}); every acknowledged write is in a committed transaction whose WAL frames were fsynced, so it survives a power cut.`);
  notes.push('better-sqlite3 is synchronous: with one transaction per write, 100 concurrent conversations wait for each other\'s fsync one by one; with group commit they share it, so throughput grows with concurrency, while one conversation alone gains little (each write still waits for its own commit).');
  notes.push(
    `The machine is shared with other work while this runs (load average ${loadAtStart} at the start, ${os.loadavg()[0].toFixed(1)} at the end, on ${os.cpus().length} cores): numbers vary from run to run by tens of percent; compare rows of the same run.`,
  );
  const uri = loadConfig().mongodbUri;
  if (uri) {
    const { openMongooseStores } = await import('../storage/mongoose');
    const mongo = withPrivacy(await openMongooseStores(uri), DEFAULT_PRIVACY);
    try {
      results.push(...(await benchStore('MongoDB (mongoose)', 'driver', mongo, appends)));
    } finally {
      await mongo.close();
    }
  } else {
    notes.push('MongoDB: skipped, KEFU_MONGODB_URI is not set.');
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown(results, notes));
  fs.writeFileSync(out.replace(/\.md$/, '') + '.json', JSON.stringify({ commit: commit(), machine: machine(), results, notes }, null, 2) + '\n');
  for (const r of results) {
    process.stdout.write(`${r.store} [${r.commit}] ${r.scenario} ×${r.conversations}: ${r.perSecond}/s (${r.activitiesPerSecond} activities/s) p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms\n`);
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (require.main === module && isMainThread) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
