/**
 * @module bench/store-bench
 * Write throughput and latency of the store as the server uses it (guarded adapter + privacy
 * layer): activities written per second and p50/p99 latency of one append, with 1 conversation
 * and with 100 concurrent conversations, plus a whole turn's writes (message, dialog state,
 * two replies all or nothing). The embedded store always; MongoDB too when `MONGODB_URI` is set.
 *
 * @example npm run bench:store            # writes test/reports/bench-store.md and .json
 * @example node dist/bench/store-bench.js --appends 2000 --out /tmp/bench-store.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { REPO_ROOT } from '../config';
import type { ChatActivity } from '../core/conversation';
import { DEFAULT_PRIVACY } from '../privacy/privacy-settings';
import { openEmbeddedStores } from '../storage/embedded';
import { guardStores } from '../storage/guarded-stores';
import { withPrivacy } from '../storage/open-stores';
import type { Stores } from '../storage/stores';

export interface ScenarioResult {
  store: string;
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

async function benchStore(name: string, stores: Stores, appends: number): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const append = async (conversationId: string, i: number): Promise<void> => {
    await stores.transcripts.append(activity(conversationId, i));
  };
  const turn = async (conversationId: string, i: number): Promise<void> => {
    const inbound = activity(conversationId, i);
    await stores.transcripts.append(inbound);
    const key = `bench/conversations/${conversationId}/`;
    const state = (await stores.state.read([key]))[key] ?? {};
    await stores.state.write({ [key]: { ...state, turn: i } });
    const replies = [activity(conversationId, 2 * i, 'bot', inbound.id), activity(conversationId, 2 * i + 1, 'bot', inbound.id)];
    if (stores.transcripts.appendAll) await stores.transcripts.appendAll(replies);
    else for (const r of replies) await stores.transcripts.append(r);
  };
  for (const conversations of [1, 100]) {
    const each = Math.max(1, Math.round(appends / conversations));
    results.push(await run(name, 'append', conversations, each, append));
    results.push(await run(name, 'turn', conversations, Math.max(1, Math.round(each / 4)), turn, 3));
  }
  return results;
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
    'Writes go through the stack the server uses: the guarded adapter and the privacy layer (each activity is redacted before it is stored).',
    '`append` = one activity; `turn` = what one shopper message costs: the message, a dialog-state read and eTag write, and two replies stored all or nothing.',
    'Latency is per write (per turn for `turn`), measured around the awaited call; with 100 conversations the writes of all conversations are in flight together.',
    '',
    '| store | scenario | conversations | writes | seconds | writes/s | activities/s | p50 ms | p99 ms | max ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) => `| ${r.store} | ${r.scenario} | ${r.conversations} | ${r.writes} | ${r.seconds} | ${r.perSecond} | ${r.activitiesPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} |`,
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
  const notes: string[] = [];
  const results: ScenarioResult[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-store-'));
  const embedded = withPrivacy(guardStores(openEmbeddedStores(dir)), DEFAULT_PRIVACY);
  try {
    results.push(...(await benchStore('embedded (SQLite, WAL, synchronous=FULL)', embedded, appends)));
  } finally {
    await embedded.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  notes.push(`The embedded store is one SQLite file on ${dir.startsWith(os.tmpdir()) ? `the temp directory's disk (${os.tmpdir()})` : dir}; every write is a committed transaction with fsync (synchronous=FULL), so an acknowledged message survives a power cut.`);
  notes.push('better-sqlite3 is synchronous: 100 concurrent conversations share one writer, so throughput does not grow with concurrency, and a write\'s latency includes waiting behind the writes of the other 99 conversations (about 100 × the single-conversation time).');
  notes.push('In the server a turn also runs the NLU and the dialog between its writes, so real turns of different conversations queue far less than in this write-only loop.');
  const uri = process.env.MONGODB_URI;
  if (uri) {
    const { openMongooseStores } = await import('../storage/mongoose');
    const mongo = withPrivacy(guardStores(await openMongooseStores(uri)), DEFAULT_PRIVACY);
    try {
      results.push(...(await benchStore('MongoDB (mongoose)', mongo, appends)));
    } finally {
      await mongo.close();
    }
  } else {
    notes.push('MongoDB: skipped, MONGODB_URI is not set.');
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, markdown(results, notes));
  fs.writeFileSync(out.replace(/\.md$/, '') + '.json', JSON.stringify({ commit: commit(), machine: machine(), results, notes }, null, 2) + '\n');
  for (const r of results) {
    process.stdout.write(`${r.store} ${r.scenario} ×${r.conversations}: ${r.perSecond}/s (${r.activitiesPerSecond} activities/s) p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms\n`);
  }
  process.stdout.write(`wrote ${out}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  });
}
