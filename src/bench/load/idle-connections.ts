/**
 * @module bench/load/idle-connections
 * Server memory per idle shopper: the server's RSS before and after N sockets connect and sit
 * idle (each has its `session` and sends nothing), divided by N. Connects run a bounded number
 * at a time so the measurement is of holding connections, not of a connect storm.
 */
import { performance } from 'node:perf_hooks';
import { LoadConversation, type ConnectResult } from './load-conversation';
import { ReplyLedger } from './reply-ledger';
import { treeRssKb } from './rss-sampler';

export interface IdleOutcome {
  requested: number;
  connected: number;
  failed: number;
  failures: Record<string, number>;
  connectSeconds: number;
  /** Server RSS before the sockets connected and while they were all held. */
  serverBeforeMb: number | null;
  serverHeldMb: number | null;
  /** (held − before) / connected, in KB of 1,000 bytes (the unit; VmRSS counts KiB). */
  serverKbPerConnection: number | null;
  /** The load generator's own RSS while it held them. */
  clientHeldMb: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The median of three readings 300 ms apart (one reading can catch a GC in progress). */
async function settledRssKb(pid: number): Promise<number | null> {
  const readings: number[] = [];
  for (let i = 0; i < 3; i++) {
    const kb = treeRssKb(pid);
    if (kb !== null) readings.push(kb);
    if (i < 2) await sleep(300);
  }
  return readings.length ? readings.sort((a, b) => a - b)[Math.floor(readings.length / 2)] : null;
}

/**
 * Connects `n` idle shoppers to `url` (`concurrency` at a time, after a warm-up round of
 * `warmup` that is closed again), measures the server `pid`'s RSS, then closes them.
 * @example await measureIdleConnections(kefu.url, kefu.pid, 10000)
 */
export async function measureIdleConnections(
  url: string,
  pid: number,
  n: number,
  options: { concurrency?: number; connectTimeoutMs?: number; settleMs?: number; warmup?: number } = {},
): Promise<IdleOutcome> {
  const concurrency = options.concurrency ?? 200;
  const ledger = new ReplyLedger();
  const connectOptions = { timeoutMs: options.connectTimeoutMs ?? 20000, turnTimeoutMs: 1000, idPrefix: 'idle' };
  const mb = (kb: number | null): number | null => (kb === null ? null : Math.round(kb / 102.4) / 10);
  const connectAll = async (count: number): Promise<ConnectResult[]> => {
    const results: ConnectResult[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, count) }, async () => {
        while (next < count) results.push(await LoadConversation.connect(url, next++, ledger, connectOptions));
      }),
    );
    return results;
  };
  // A first round, closed again, so that the baseline already includes the code and buffers of
  // the connection path (compiled functions, pools), not only the sockets.
  for (const r of await connectAll(Math.min(n, options.warmup ?? 200))) if (r.ok) r.conversation.close();
  await sleep(options.settleMs ?? 2000);
  const before = await settledRssKb(pid);
  const started = performance.now();
  const results = await connectAll(n);
  const connectSeconds = Math.round((performance.now() - started) / 100) / 10;
  await sleep(options.settleMs ?? 2000);
  const held = await settledRssKb(pid);
  const clientHeldMb = Math.round(process.memoryUsage().rss / 104857.6) / 10;
  const failures: Record<string, number> = {};
  let connected = 0;
  for (const r of results) {
    if (r.ok) {
      connected++;
      r.conversation.close();
    } else failures[r.code] = (failures[r.code] ?? 0) + 1;
  }
  // Let both sides finish closing before whatever runs next measures anything.
  await sleep(options.settleMs ?? 2000);
  return {
    requested: n,
    connected,
    failed: n - connected,
    failures,
    connectSeconds,
    serverBeforeMb: mb(before),
    serverHeldMb: mb(held),
    serverKbPerConnection: before !== null && held !== null && connected > 0 ? Math.round((((held - before) * 1.024) / connected) * 10) / 10 : null,
    clientHeldMb,
  };
}
