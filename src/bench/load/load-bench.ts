/**
 * @module bench/load/load-bench
 * `npm run bench:load`: kefu's turns/s, latency, connects and memory under socket.io load, next
 * to a bare socket.io echo server measured in the same run (issue 13's yardstick). Both servers
 * run as child processes; the load generator runs here or in a (pinnable) process of its own.
 *
 * @example npm run bench:load                                   # writes test/reports/bench-load.md and .json
 * @example node dist/bench/load/load-bench.js --duration 5 --idle 2000 --out /tmp/bench-load.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canPin, startChildServer, type ChildServer } from './child-server';
import { LIFTED_LIMITS, startKefuUnderLoad } from './kefu-under-load';
import type { ScenarioSpec } from './load-scenario';
import { parseLoadOptions, type LoadBenchOptions, type Target } from './load-options';
import { checkTargets, loadMarkdown, type IdleResult, type LoadReport, type ScenarioResult } from './load-report';
import { childProcessRunner, inProcessRunner } from './load-runner';
import { RssSampler } from './rss-sampler';
import { waitUntilQuiet } from './server-quiet';
import { runContext } from './run-context';

/** Seconds a message waits for its acknowledgement and `turn.end`; socket.io's own connect timeout. */
const TURN_TIMEOUT_MS = 15000;
const CONNECT_TIMEOUT_MS = 20000;
const DRAIN_MS = 5000;

function specs(o: LoadBenchOptions): Omit<ScenarioSpec, 'url'>[] {
  const common = { warmupMs: o.warmupMs, durationMs: o.durationMs, intervalMs: o.intervalMs, turnTimeoutMs: TURN_TIMEOUT_MS, connectTimeoutMs: CONNECT_TIMEOUT_MS, drainMs: DRAIN_MS, probeEveryMs: 1000, timelineEveryMs: 1000 };
  const out: Omit<ScenarioSpec, 'url'>[] = [];
  if (o.scenarios.includes('closed')) for (const n of o.conversations) out.push({ ...common, name: `closed-${n}`, mode: 'closed', conversations: n });
  if (o.scenarios.includes('open')) out.push({ ...common, name: `open-${o.openConversations}`, mode: 'open', conversations: o.openConversations });
  return out;
}

function method(o: LoadBenchOptions, layout: string): string[] {
  return [
    `Servers: the echo baseline (\`dist/bench/load/echo-server.js\`: socket.io on \`/chat\`, \`session\`, then per message an ack, one reply and \`turn.end\`) and \`kefu serve\` on a fresh data directory (demo shop, embedded SQLite store), each a child process on 127.0.0.1. ${layout}.`,
    'Shoppers: socket.io-client, websocket transport, no reconnection, 20 s connect timeout; messages cycle through a fixed list of 14 zh and en messages (greetings, FAQ, product questions, recommendations, order status with an order number, which gets the verification question, small talk; no handoff or complaint), each shopper starting at a different place.',
    `Every shopper of a scenario connects at once (connect latency is of that storm); when all have settled the load starts. Closed loop: each sends, waits for \`turn.end\` and sends again. Open loop: shopper i sends its k-th message at (i/N + k) × ${o.intervalMs / 1000} s, whatever the server's pace; latency counts from that scheduled time. During the measured window a fresh socket connects every second (the probes).`,
    `Each scenario starts once the server is quiet (under 10% of a CPU over 500 ms, at most 30 s of waiting): ${o.warmupMs / 1000} s warm-up, ${o.durationMs / 1000} s measured, then up to ${DRAIN_MS / 1000} s for unfinished turns. turns/s = turns whose \`turn.end\` arrived in the measured window / its length; latency = send → \`turn.end\` of those turns (nearest-rank percentiles). A message waits at most ${TURN_TIMEOUT_MS / 1000} s for its ack and \`turn.end\`. Echo and kefu take turns scenario by scenario.`,
    'Server RSS: VmRSS of the server process and its children from /proc, every 250 ms during the scenario (MB = MiB).',
    'Server CPU: user + system time of the server process and its children (/proc/<pid>/stat) over the measured window; ms/turn divides it by the turns of the window, cores used by the window length. Unlike turns/s it hardly moves when other work shares the CPUs, so it is the number to compare between runs.',
    'Connect times (storm and probes) are measured in the load generator: when it shares the CPUs with the server, they include its own delays; `--pin` gives it a CPU of its own.',
  ];
}

async function startTarget(target: Target, o: LoadBenchOptions, cpus: string | undefined, logDir: string): Promise<{ server: ChildServer; workers: string; stop(): Promise<void> }> {
  if (target === 'kefu') return startKefuUnderLoad({ workers: o.workers, cpus });
  const server = await startChildServer({ args: [path.join(__dirname, 'echo-server.js')], cwd: __dirname, env: process.env, logFile: path.join(logDir, 'echo.log'), cpus });
  return { server, workers: '1', stop: () => server.stop() };
}

export async function main(argv: string[]): Promise<void> {
  const o = parseLoadOptions(argv);
  const context = runContext();
  const started = Date.now();
  const notes: string[] = [];
  let serverCpus: string | undefined;
  let clientCpus: string | undefined;
  if (o.pin) {
    if (context.cores >= 2 && canPin()) {
      serverCpus = context.cores === 2 ? '0' : `0-${context.cores - 2}`;
      clientCpus = String(context.cores - 1);
    } else notes.push(`--pin asked for, but ${context.cores < 2 ? 'there is one CPU' : 'taskset is missing'}: nothing was pinned.`);
  }
  const runner = o.clientProcess ? childProcessRunner(clientCpus) : inProcessRunner();
  const layout = `${runner.layout}${serverCpus ? `; servers pinned to CPU ${serverCpus}` : ', nothing pinned'}`;
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-load-bench-'));
  const servers = new Map<Target, { server: ChildServer; workers: string; stop(): Promise<void> }>();
  const results: ScenarioResult[] = [];
  const idle: IdleResult[] = [];
  // The previous scenario's backlog and closing sockets must not run into the next measurement.
  const settle = async (server: ChildServer, what: string): Promise<void> => {
    if (!(await waitUntilQuiet(server.pid))) notes.push(`Before ${what} the server was still busy after 30 s of waiting (the previous scenario's backlog).`);
  };
  try {
    for (const target of o.targets) {
      process.stdout.write(`starting ${target}…\n`);
      servers.set(target, await startTarget(target, o, serverCpus, logDir));
    }
    // Idle memory first, on servers that have not yet grown their heaps under load.
    if (o.scenarios.includes('idle')) {
      for (const target of o.targets.filter((t) => o.idleTargets.includes(t))) {
        const { server } = servers.get(target)!;
        await settle(server, `idle ${target}`);
        const outcome = await runner.idle(server.url, server.pid, o.idle);
        idle.push({ ...outcome, target });
        process.stdout.write(`idle ${target}: ${outcome.connected}/${o.idle} connected, ${outcome.serverKbPerConnection} KB per connection\n`);
      }
    }
    for (const spec of specs(o)) {
      for (const target of o.targets) {
        const { server } = servers.get(target)!;
        await settle(server, `${spec.name} ${target}`);
        const sampler = new RssSampler(server.pid, 250);
        const outcome = await runner.scenario({ ...spec, url: server.url, serverPid: server.pid });
        const rss = sampler.stop();
        const echo = results.find((r) => r.target === 'echo' && r.name === spec.name);
        const shareOfEcho = target === 'kefu' && echo && echo.turnsPerSecond > 0 ? Math.round((outcome.turnsPerSecond / echo.turnsPerSecond) * 1000) / 1000 : null;
        results.push({ ...outcome, target, serverRss: { peakMb: rss.peakMb, lastMb: rss.lastMb }, shareOfEcho });
        const l = outcome.latencyMs;
        process.stdout.write(
          `${spec.name} ${target}: ${outcome.turnsPerSecond} turns/s, p50 ${l.p50} p90 ${l.p90} p99 ${l.p99} ms, connected ${outcome.connect.ok}/${spec.conversations}, refused ${JSON.stringify(outcome.refused)}, timeouts ${outcome.ackTimeouts}+${outcome.turnTimeouts}, RSS peak ${rss.peakMb} MB\n`,
        );
      }
    }
  } finally {
    await runner.close();
    for (const s of servers.values()) await s.stop();
  }
  const workers = servers.get('kefu')?.workers ?? o.workers;
  notes.push(
    `Limits lifted for kefu so the run measures throughput, not refusals (every shopper comes from 127.0.0.1): ${Object.entries(LIFTED_LIMITS).map(([k, v]) => `${k}=${v}`).join(', ')}.`,
    `kefu serve workers: ${workers}.`,
    `The benchmark took ${Math.round((Date.now() - started) / 1000)} s (the build before it not counted).`,
  );
  for (const r of results) {
    const p50 = r.latencyMs.p50;
    if (r.sent > 0 && (p50 === null || p50 > o.durationMs / 2)) {
      notes.push(
        r.mode === 'closed'
          ? `${r.name} ${r.target}: ${r.turns === 0 ? 'no turn ended inside' : 'the median turn took more than half of'} the ${o.durationMs / 1000} s window, so its turns/s counts few rounds (the shoppers' turns come back in waves; the JSON has a per-second \`timeline\`). A longer --duration measures it better.`
          : `${r.name} ${r.target}: the server fell behind the offered ${r.offeredPerSecond} messages/s (median turn ${p50 ?? '–'} ms, a growing backlog), so its turns/s is what it managed, not what was offered.`,
      );
    }
  }
  if (context.loadAverage > context.cores / 2) {
    notes.push(`The machine was busy (load average ${context.loadAverage} on ${context.cores} cores at the start): the numbers are noisy; compare them only with a run on a quiet machine.`);
  }
  const report: LoadReport = { context, method: method(o, layout), results, idle, checks: checkTargets(results, idle, workers), notes };
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, loadMarkdown(report));
  fs.writeFileSync(o.out.replace(/\.md$/, '') + '.json', JSON.stringify({ ...report, options: o }, null, 2) + '\n');
  fs.rmSync(logDir, { recursive: true, force: true });
  process.stdout.write(`wrote ${o.out}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
