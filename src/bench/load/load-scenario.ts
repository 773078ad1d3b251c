/**
 * @module bench/load/load-scenario
 * One load scenario against one server: N shoppers connect at once, then talk in closed loop
 * (send, wait for `turn.end`, send again) or open loop (each sends every `intervalMs` on a fixed
 * schedule, whatever the server's pace): a warm-up, a measured window, then a drain. While the window runs, a fresh
 * socket connects every `probeEveryMs` to time how long a new shopper waits for `session`.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { treeCpuMs } from './cpu-time';
import { summarize, type LatencySummary } from './latency-stats';
import { LoadConversation, type ConnectResult } from './load-conversation';
import { loadMessage } from './load-messages';
import { ReplyLedger, type LedgerVerdict } from './reply-ledger';

export interface ScenarioSpec {
  /** Names the scenario in reports and message ids, e.g. `closed-200`. */
  name: string;
  mode: 'closed' | 'open';
  url: string;
  conversations: number;
  warmupMs: number;
  durationMs: number;
  /** Open loop: each shopper sends one message this often. */
  intervalMs: number;
  turnTimeoutMs: number;
  connectTimeoutMs: number;
  /** After the window, how long unfinished turns may still end before the sockets close. */
  drainMs: number;
  /** When set, the drain also ends once no turn has ended for this long (a server that stalled, not one working off a backlog). */
  drainStallMs?: number;
  /** 0 = no connect probes. */
  probeEveryMs: number;
  /** When set, the window's turns are also summarised per slice of this length (the soak's timeline). */
  timelineEveryMs?: number;
  /** The server's process (and its workers): its CPU time over the window is reported per turn. */
  serverPid?: number;
}

export interface TimelineSlice {
  /** Seconds from the window's start to the slice's start. */
  fromSecond: number;
  turnsPerSecond: number;
  latencyMs: LatencySummary;
}

export interface ConnectStats {
  ok: number;
  failed: number;
  /** Failures by code (`timeout`, `KEFU_RATE_LIMIT`, …). */
  failures: Record<string, number>;
  latencyMs: LatencySummary;
}

export interface ScenarioOutcome {
  name: string;
  mode: 'closed' | 'open';
  conversations: number;
  windowSeconds: number;
  /** Open loop: messages per second the schedule offered. */
  offeredPerSecond: number | null;
  /** Messages sent over the whole run (warm-up included). */
  sent: number;
  /** Turns whose `turn.end` came inside the window. */
  turns: number;
  turnsPerSecond: number;
  /** Send (open loop: the scheduled time) → `turn.end`, of the window's turns. */
  latencyMs: LatencySummary;
  connect: ConnectStats;
  probes: ConnectStats;
  /** Refused messages by error code (acks with `ok: false`). */
  refused: Record<string, number>;
  ackTimeouts: number;
  /** Acknowledged messages the client gave up waiting for (no `turn.end` within the turn timeout). */
  turnTimeouts: number;
  /** Turns still running when the drain ended (not errors: the run stopped). */
  unfinishedAtEnd: number;
  /** Seconds from the window's end until the drain ended. */
  drainSeconds: number;
  /** Sockets the server dropped. */
  disconnects: number;
  verdict: LedgerVerdict;
  /** Per `timelineEveryMs` slice of the window; empty without it. */
  timeline: TimelineSlice[];
  /** The server's CPU over the window (all its processes): ms per turn, and the share of one core used; null without `serverPid` or /proc. */
  serverCpu: { msPerTurn: number | null; coresUsed: number } | null;
}

const REFUSED_PAUSE_MS = 100;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Waits for `promise`, but not longer than `ms`; the timer does not outlive it. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, Math.max(0, ms))))]);
  clearTimeout(timer);
}

function connectStats(results: ConnectResult[]): ConnectStats {
  const failures: Record<string, number> = {};
  for (const r of results) if (!r.ok) failures[r.code] = (failures[r.code] ?? 0) + 1;
  const ok = results.filter((r) => r.ok);
  return { ok: ok.length, failed: results.length - ok.length, failures, latencyMs: summarize(ok.map((r) => r.ms)) };
}

/** Connects a fresh socket every `everyMs` until `until`, closing each once it has its `session`. */
async function probeConnects(spec: ScenarioSpec, ledger: ReplyLedger, until: number): Promise<ConnectResult[]> {
  const results: ConnectResult[] = [];
  const pending: Promise<void>[] = [];
  const options = { timeoutMs: spec.connectTimeoutMs, turnTimeoutMs: spec.turnTimeoutMs, idPrefix: 'probe' };
  while (performance.now() < until) {
    pending.push(
      LoadConversation.connect(spec.url, -1, ledger, options).then((r) => {
        results.push(r);
        if (r.ok) r.conversation.close();
      }),
    );
    await sleep(spec.probeEveryMs);
  }
  await Promise.all(pending);
  return results;
}

/**
 * Runs one scenario and summarises it from the ledger.
 * @example await runScenario({ name: 'closed-200', mode: 'closed', url, conversations: 200, ... })
 */
export async function runScenario(spec: ScenarioSpec): Promise<ScenarioOutcome> {
  const ledger = new ReplyLedger();
  const options = {
    timeoutMs: spec.connectTimeoutMs,
    turnTimeoutMs: spec.turnTimeoutMs,
    idPrefix: `${spec.name}-${randomBytes(4).toString('hex')}`,
  };
  // Every shopper connects at once (the connect stats are of that storm, on a server not yet
  // busy with turns); the load starts when all have settled, so the window sees N shoppers.
  const connects = await Promise.all(Array.from({ length: spec.conversations }, (_, i) => LoadConversation.connect(spec.url, i, ledger, options)));
  const shoppers = connects.map((r) => (r.ok ? r.conversation : null));
  const live = shoppers.filter((c): c is LoadConversation => c !== null);
  const start = performance.now();
  const windowEnd = start + spec.warmupMs + spec.durationMs;
  const loops =
    spec.mode === 'closed'
      ? Promise.all(
          live.map(async (c) => {
            for (let n = 0; c.alive && performance.now() < windowEnd; n++) {
              // A refused message is answered at once; pausing keeps a refusing server from turning the loop into a spin.
              if ((await c.send(loadMessage(c.index, n).text)) === 'refused') await sleep(REFUSED_PAUSE_MS);
            }
          }),
        )
      : openLoop(spec, shoppers, start, windowEnd);
  const windowStart = start + spec.warmupMs;
  const probes = spec.probeEveryMs > 0 ? sleep(windowStart - performance.now()).then(() => probeConnects(spec, ledger, windowEnd)) : Promise.resolve([]);
  const cpuAt = (at: number): Promise<number | null> => (spec.serverPid === undefined ? Promise.resolve(null) : sleep(at - performance.now()).then(() => treeCpuMs(spec.serverPid as number)));
  const serverCpu = Promise.all([cpuAt(windowStart), cpuAt(windowEnd)]);
  await settledWithin(loops, windowEnd + spec.drainMs - performance.now());
  await drain(ledger, windowEnd + spec.drainMs, spec.drainStallMs);
  const drainedSeconds = Math.round((performance.now() - windowEnd) / 100) / 10;
  const probeResults = await probes;
  const disconnects = live.filter((c) => c.droppedByServer).length;
  for (const c of live) c.close();

  const latencies: number[] = [];
  const sliceMs = spec.timelineEveryMs ?? 0;
  const slices: number[][] = sliceMs > 0 ? Array.from({ length: Math.ceil(spec.durationMs / sliceMs) }, () => []) : [];
  const refused: Record<string, number> = {};
  let turnTimeouts = 0;
  let unfinishedAtEnd = 0;
  for (const e of ledger.entries.values()) {
    if (e.ack === 'refused') refused[e.refusedCode ?? 'unknown'] = (refused[e.refusedCode ?? 'unknown'] ?? 0) + 1;
    if (e.endAt !== undefined && e.endAt >= windowStart && e.endAt < windowEnd && e.ack === 'ok') {
      latencies.push(e.endAt - e.sentAt);
      if (sliceMs > 0) slices[Math.floor((e.endAt - windowStart) / sliceMs)].push(e.endAt - e.sentAt);
    }
    if (e.ack === 'ok' && e.endAt === undefined) {
      if (e.gaveUp) turnTimeouts++;
      else unfinishedAtEnd++;
    }
  }
  const verdict = ledger.verdict();
  const windowSeconds = spec.durationMs / 1000;
  const [cpuStart, cpuEnd] = await serverCpu;
  const cpuMs = cpuStart !== null && cpuEnd !== null ? cpuEnd - cpuStart : null;
  return {
    name: spec.name,
    mode: spec.mode,
    conversations: spec.conversations,
    windowSeconds,
    offeredPerSecond: spec.mode === 'open' ? Math.round((spec.conversations * 1000) / spec.intervalMs) : null,
    sent: ledger.entries.size,
    turns: latencies.length,
    turnsPerSecond: Math.round(latencies.length / windowSeconds),
    latencyMs: summarize(latencies),
    connect: connectStats(connects),
    probes: connectStats(probeResults),
    refused,
    ackTimeouts: verdict.ackTimeouts,
    turnTimeouts,
    unfinishedAtEnd,
    drainSeconds: drainedSeconds,
    disconnects,
    verdict,
    serverCpu:
      cpuMs === null
        ? null
        : { msPerTurn: latencies.length > 0 ? Math.round((cpuMs / latencies.length) * 1000) / 1000 : null, coresUsed: Math.round((cpuMs / spec.durationMs) * 100) / 100 },
    timeline: slices.map((values, k) => {
      const seconds = Math.min(sliceMs, spec.durationMs - k * sliceMs) / 1000;
      return { fromSecond: (k * sliceMs) / 1000, turnsPerSecond: Math.round((values.length / seconds) * 10) / 10, latencyMs: summarize(values) };
    }),
  };
}

/**
 * Open loop: shopper i sends its k-th message at `start + (i / N + k) × intervalMs`, so sends are
 * spread evenly and their due times grow with one cursor over (k, i). A message is never held
 * back for an unfinished turn; one that goes out late still counts from its due time.
 */
async function openLoop(spec: ScenarioSpec, shoppers: (LoadConversation | null)[], start: number, end: number): Promise<void> {
  const n = shoppers.length;
  if (n === 0) return;
  const due = (cursor: number): number => start + (((cursor % n) / n + Math.floor(cursor / n)) * spec.intervalMs);
  for (let cursor = 0; due(cursor) < end; ) {
    const now = performance.now();
    while (due(cursor) <= now && due(cursor) < end) {
      const i = cursor % n;
      const shopper = shoppers[i];
      if (shopper?.alive) void shopper.send(loadMessage(i, Math.floor(cursor / n)).text, due(cursor));
      cursor++;
    }
    await sleep(Math.min(5, due(cursor) - performance.now()));
  }
}

/**
 * Waits until every acknowledged message has its `turn.end` (or, without `stallMs`, was given
 * up), or `until`, or — with `stallMs` — until no turn has ended for that long.
 */
async function drain(ledger: ReplyLedger, until: number, stallMs?: number): Promise<void> {
  const open = (): boolean => {
    for (const e of ledger.entries.values()) if (e.ack !== 'refused' && e.endAt === undefined && (stallMs !== undefined || !e.gaveUp)) return true;
    return false;
  };
  const started = performance.now();
  const stalled = (): boolean => stallMs !== undefined && performance.now() - Math.max(ledger.lastTurnEndAt, started) > stallMs;
  while (performance.now() < until && open() && !stalled()) await sleep(stallMs === undefined ? 50 : 500);
}
