/**
 * @module bench/soak
 * `npm run soak`: N shoppers talk to `kefu serve` for M minutes at a fixed rate (open loop, the
 * load generator's shoppers), and every acknowledged message must be answered exactly once: one
 * `turn.end`, at least one reply before it, nothing after it, nothing for a refused message.
 * The server's RSS is sampled throughout, to see that memory stays flat. Exits 1 when an
 * acknowledged message was not answered exactly once.
 *
 * @example npm run soak                                   # 200 shoppers × 1 msg/s × 5 min → test/reports/soak.md
 * @example node dist/bench/soak.js --minutes 1 --conversations 50
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { LIFTED_LIMITS, startKefuUnderLoad } from './load/kefu-under-load';
import { runScenario, type ScenarioOutcome } from './load/load-scenario';
import { RssSampler, type RssSample } from './load/rss-sampler';
import { describeContext, runContext, type RunContext } from './load/run-context';

export interface SoakOptions {
  conversations: number;
  minutes: number;
  /** Each shopper sends one message this often. */
  intervalMs: number;
  sampleEverySeconds: number;
  out: string;
}

export interface RssTrend {
  samples: number;
  firstMb: number | null;
  lastMb: number | null;
  peakMb: number | null;
  /** Least-squares slope over the second half of the run (after warm-up effects), MB per minute. */
  secondHalfMbPerMinute: number | null;
}

export interface SoakReport {
  context: RunContext;
  options: SoakOptions;
  outcome: ScenarioOutcome;
  rss: RssTrend;
  rssSamples: RssSample[];
  ok: boolean;
}

const USAGE = `usage: node dist/bench/soak.js [--conversations 200] [--minutes 5] [--interval 1000] [--sample-every 5] [--out test/reports/soak.md]\n`;

export function parseSoakOptions(argv: string[]): SoakOptions {
  const o: SoakOptions = { conversations: 200, minutes: 5, intervalMs: 1000, sampleEverySeconds: 5, out: path.join(REPO_ROOT, 'test', 'reports', 'soak.md') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const num = (min: number): number => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < min) throw new Error(`${flag} needs a number ≥ ${min}\n${USAGE}`);
      return n;
    };
    if (flag === '--conversations') o.conversations = Math.round(num(1));
    else if (flag === '--minutes') o.minutes = num(0.05);
    else if (flag === '--interval') o.intervalMs = num(10);
    else if (flag === '--sample-every') o.sampleEverySeconds = num(0.1);
    else if (flag === '--out') o.out = path.resolve(argv[++i] ?? '');
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return o;
}

/** First, last and peak RSS, and the slope over the second half of the samples. */
export function rssTrend(samples: RssSample[]): RssTrend {
  const mb = (kb: number): number => Math.round(kb / 102.4) / 10;
  const half = samples.slice(Math.floor(samples.length / 2));
  let slope: number | null = null;
  if (half.length >= 3) {
    const mt = half.reduce((s, x) => s + x.t, 0) / half.length;
    const mk = half.reduce((s, x) => s + x.kb, 0) / half.length;
    const cov = half.reduce((s, x) => s + (x.t - mt) * (x.kb - mk), 0);
    const varT = half.reduce((s, x) => s + (x.t - mt) ** 2, 0);
    slope = varT > 0 ? Math.round(((cov / varT) * 60 * 100) / 1024) / 100 : null;
  }
  return {
    samples: samples.length,
    firstMb: samples.length ? mb(samples[0].kb) : null,
    lastMb: samples.length ? mb(samples[samples.length - 1].kb) : null,
    peakMb: samples.length ? mb(Math.max(...samples.map((s) => s.kb))) : null,
    secondHalfMbPerMinute: slope,
  };
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : String(v));

export function soakMarkdown(r: SoakReport): string {
  const o = r.outcome;
  const v = o.verdict;
  const codes = (x: Record<string, number>): string => (Object.keys(x).length ? Object.entries(x).map(([k, n]) => `${n} ${k}`).join(', ') : '0');
  const minuteRss = (from: number): string => {
    const inSlice = r.rssSamples.filter((s) => s.t >= from && s.t < from + 60);
    return inSlice.length ? String(Math.round(Math.max(...inSlice.map((s) => s.kb)) / 102.4) / 10) : '–';
  };
  return [
    '# Soak (`npm run soak`)',
    '',
    `Run ${describeContext(r.context)}.`,
    '',
    `- ${r.options.conversations} shoppers on \`/chat\` (socket.io-client, websocket), each sending one message every ${r.options.intervalMs / 1000} s for ${r.options.minutes} min on a fixed schedule (open loop, spread evenly), against \`kefu serve\` as a child process on a fresh data directory (embedded store). Messages: the load benchmark's zh and en list (no handoff).`,
    `- Every acknowledged message must be answered exactly once: one \`turn.end\` with its \`replyToId\`, at least one reply message before it, none after it; a refused message must get no answer. Counted per message id from every activity the shoppers received.`,
    `- Server RSS (VmRSS of the server process and its children) every ${r.options.sampleEverySeconds} s. Latency is from the scheduled send to \`turn.end\`.`,
    `- Limits lifted, as in bench:load: ${Object.keys(LIFTED_LIMITS).join(', ')}.`,
    '',
    `**${r.ok ? 'Every acknowledged message was answered exactly once.' : 'FAILED: not every acknowledged message was answered exactly once (see below).'}**`,
    '',
    '| sent | acknowledged | answered exactly once | unanswered | ended without reply | second turn.end | reply after turn.end | refused | refused but answered | no ack (answered anyway) | stray replies | connected | connect failures | dropped sockets |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---|---:|',
    `| ${v.sent} | ${v.acknowledged} | ${v.answeredOnce} | ${v.unanswered} | ${v.endedWithoutReply} | ${v.duplicateTurnEnds} | ${v.repliesAfterEnd} | ${codes(o.refused)} | ${v.answersToRefused} | ${v.ackTimeouts} (${v.ackTimeoutsAnswered}) | ${v.strayReplies} | ${o.connect.ok} | ${codes(o.connect.failures)} | ${o.disconnects} |`,
    '',
    `Reply messages per acknowledged message: ${Object.entries(v.repliesPerMessage).map(([k, n]) => `${k} → ${n}`).join(', ')}.`,
    '',
    `Sending stopped after ${r.options.minutes} min; the wait for the last answers ended ${o.drainSeconds} s later (the server's backlog; the soak waits while answers keep coming, and gives up after 30 s without one).`,
    '',
    `Turns: ${o.turnsPerSecond}/s over the run; latency p50 ${cell(o.latencyMs.p50)} ms, p90 ${cell(o.latencyMs.p90)} ms, p99 ${cell(o.latencyMs.p99)} ms, max ${cell(o.latencyMs.max)} ms. New sockets during the run (one every 10 s): p50 ${cell(o.probes.latencyMs.p50)} ms, max ${cell(o.probes.latencyMs.max)} ms, ${o.probes.failed} failed.`,
    '',
    `Server RSS: ${cell(r.rss.firstMb)} MB at the start, ${cell(r.rss.lastMb)} MB at the end, peak ${cell(r.rss.peakMb)} MB; slope over the second half ${cell(r.rss.secondHalfMbPerMinute)} MB/min (${r.rss.samples} samples).`,
    '',
    '| minute from | turns/s | p50 ms | p99 ms | max ms | server RSS peak MB |',
    '|---:|---:|---:|---:|---:|---:|',
    ...o.timeline.map((s) => `| ${s.fromSecond / 60} | ${s.turnsPerSecond} | ${cell(s.latencyMs.p50)} | ${cell(s.latencyMs.p99)} | ${cell(s.latencyMs.max)} | ${minuteRss(s.fromSecond)} |`),
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const options = parseSoakOptions(argv);
  const context = runContext();
  process.stdout.write(`soak: ${options.conversations} shoppers × 1 message / ${options.intervalMs / 1000} s × ${options.minutes} min\n`);
  const kefu = await startKefuUnderLoad();
  let outcome: ScenarioOutcome;
  let samples: RssSample[];
  try {
    const sampler = new RssSampler(kefu.server.pid, options.sampleEverySeconds * 1000);
    outcome = await runScenario({
      name: 'soak',
      mode: 'open',
      url: kefu.server.url,
      conversations: options.conversations,
      warmupMs: 0,
      durationMs: options.minutes * 60000,
      intervalMs: options.intervalMs,
      turnTimeoutMs: 30000,
      connectTimeoutMs: 20000,
      // A backlog is worked off to the end (its answers count), unless the server stops answering for 30 s.
      drainMs: Math.max(120000, options.minutes * 60000),
      drainStallMs: 30000,
      probeEveryMs: 10000,
      timelineEveryMs: 60000,
    });
    samples = sampler.stop().samples;
  } finally {
    await kefu.stop();
  }
  const ok = outcome.verdict.ok && outcome.verdict.acknowledged > 0 && outcome.connect.failed === 0 && outcome.disconnects === 0;
  const report: SoakReport = { context, options, outcome, rss: rssTrend(samples), rssSamples: samples, ok };
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, soakMarkdown(report));
  fs.writeFileSync(options.out.replace(/\.md$/, '') + '.json', JSON.stringify(report, null, 2) + '\n');
  const v = outcome.verdict;
  process.stdout.write(
    `${v.acknowledged} acknowledged, ${v.answeredOnce} answered exactly once, ${v.unanswered} unanswered; p99 ${outcome.latencyMs.p99} ms; RSS ${report.rss.firstMb} → ${report.rss.lastMb} MB\nwrote ${options.out}\n`,
  );
  return ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
