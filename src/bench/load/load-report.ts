/**
 * @module bench/load/load-report
 * The `bench:load` report: one row per scenario and server, the connect probes, the idle-memory
 * count, and each of issue 13's targets checked against this run, as Markdown and JSON.
 */
import type { IdleOutcome } from './idle-connections';
import type { ScenarioOutcome } from './load-scenario';
import { describeContext, type RunContext } from './run-context';

export interface ScenarioResult extends ScenarioOutcome {
  target: 'echo' | 'kefu';
  serverRss: { peakMb: number | null; lastMb: number | null };
  /** kefu rows: kefu's turns/s as a share of echo's in the same scenario. */
  shareOfEcho: number | null;
}

export interface IdleResult extends IdleOutcome {
  target: 'echo' | 'kefu';
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean | null;
}

export interface LoadReport {
  context: RunContext;
  method: string[];
  results: ScenarioResult[];
  idle: IdleResult[];
  checks: TargetCheck[];
  notes: string[];
}

const cell = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : String(v));
const codes = (r: Record<string, number>): string =>
  Object.keys(r).length === 0 ? '0' : Object.entries(r).map(([code, n]) => `${n} ${code}`).join(', ');
const pct = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 1000) / 10}%`);

/** Errors a shopper would notice: refused or unacknowledged messages, lost turns, dropped sockets, failed connects. */
export function errorCount(r: ScenarioOutcome): number {
  return Object.values(r.refused).reduce((a, b) => a + b, 0) + r.ackTimeouts + r.turnTimeouts + r.disconnects + r.connect.failed;
}

/** Issue 13's targets, as far as this run measured them. */
export function checkTargets(results: ScenarioResult[], idle: IdleResult[], workers: string): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results.filter((x) => x.target === 'kefu')) {
    if (r.mode === 'closed') {
      checks.push({
        target: `closed loop, ${r.conversations} conversations: kefu ≥ 25% of echo's turns/s, every client connected`,
        measured: `${pct(r.shareOfEcho)} of echo, ${r.connect.ok}/${r.conversations} connected`,
        met: r.shareOfEcho === null ? null : r.shareOfEcho >= 0.25 && r.connect.failed === 0,
      });
    } else {
      checks.push({
        target: `open loop, ${r.conversations} conversations every ${Math.round((r.conversations / (r.offeredPerSecond ?? 1)) * 10) / 10} s: p99 ≤ 150 ms, no errors`,
        measured: `p99 ${cell(r.latencyMs.p99)} ms, ${errorCount(r)} errors`,
        met: r.latencyMs.p99 !== null && r.latencyMs.p99 <= 150 && errorCount(r) === 0,
      });
    }
    checks.push({
      target: `${r.name}: a new socket is answered within 1 s while the server is loaded`,
      measured: `${r.probes.ok} probes, max ${cell(r.probes.latencyMs.max)} ms, ${r.probes.failed} failed`,
      met: r.probes.ok + r.probes.failed === 0 ? null : r.probes.failed === 0 && (r.probes.latencyMs.max ?? 0) <= 1000,
    });
  }
  for (const i of idle.filter((x) => x.target === 'kefu')) {
    checks.push({
      target: '≤ 20 KB of server RSS per idle connected conversation (10,000 idle sockets)',
      measured: `${cell(i.serverKbPerConnection)} KB per connection over ${i.connected} sockets`,
      met: i.serverKbPerConnection === null ? null : i.serverKbPerConnection <= 20 && i.connected >= 10000,
    });
  }
  checks.push({
    target: '`--workers 2` ≥ 1.6× the turns/s of `--workers 1`, load generator pinned apart',
    measured: /^\d+$/.test(workers) ? `this run: --workers ${workers}; compare two runs` : `--workers: ${workers}`,
    met: null,
  });
  return checks;
}

/** The Markdown report. */
export function loadMarkdown(report: LoadReport): string {
  const { results, idle } = report;
  const lines = [
    '# Load benchmark (`npm run bench:load`)',
    '',
    `Run ${describeContext(report.context)}.`,
    '',
    ...report.method.map((m) => `- ${m}`),
    '',
    '## Turns',
    '',
    '| scenario | server | conversations | connected | connect failures | turns/s | kefu / echo | p50 ms | p90 ms | p99 ms | max ms | refused | ack timeouts | turn timeouts | unfinished at end | dropped sockets | server RSS peak MB | server CPU ms/turn | server cores used |',
    '|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name}${r.offeredPerSecond ? ` (${r.offeredPerSecond} msg/s offered)` : ''} | ${r.target} | ${r.conversations} | ${r.connect.ok} | ${codes(r.connect.failures)} | ${r.turnsPerSecond} | ${pct(r.shareOfEcho)} | ${cell(r.latencyMs.p50)} | ${cell(r.latencyMs.p90)} | ${cell(r.latencyMs.p99)} | ${cell(r.latencyMs.max)} | ${codes(r.refused)} | ${r.ackTimeouts} | ${r.turnTimeouts} | ${r.unfinishedAtEnd} | ${r.disconnects} | ${cell(r.serverRss.peakMb)} | ${cell(r.serverCpu?.msPerTurn ?? null)} | ${cell(r.serverCpu?.coresUsed ?? null)} |`,
    ),
    '',
    '## New connections under load',
    '',
    'A fresh socket every second of the measured window, timed from `io()` to its `session`.',
    '',
    '| scenario | server | probes | p50 ms | p99 ms | max ms | failed |',
    '|---|---|---:|---:|---:|---:|---|',
    ...results.map(
      (r) => `| ${r.name} | ${r.target} | ${r.probes.ok} | ${cell(r.probes.latencyMs.p50)} | ${cell(r.probes.latencyMs.p99)} | ${cell(r.probes.latencyMs.max)} | ${codes(r.probes.failures)} |`,
    ),
    '',
  ];
  if (idle.length > 0) {
    lines.push(
      '## Idle connections',
      '',
      'Server RSS (VmRSS) before and while N shoppers are connected and idle (each has its `session`), 200 connecting at a time.',
      '',
      '| server | sockets asked | connected | failed | connect s | server RSS before MB | held MB | KB per connection | load generator RSS MB |',
      '|---|---:|---:|---|---:|---:|---:|---:|---:|',
      ...idle.map(
        (i) =>
          `| ${i.target} | ${i.requested} | ${i.connected} | ${codes(i.failures)} | ${i.connectSeconds} | ${cell(i.serverBeforeMb)} | ${cell(i.serverHeldMb)} | ${cell(i.serverKbPerConnection)} | ${i.clientHeldMb} |`,
      ),
      '',
    );
  }
  lines.push(
    "## Against issue 13's targets",
    '',
    '| target | this run | met |',
    '|---|---|---|',
    ...report.checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met === null ? 'not measured' : c.met ? 'yes' : 'no'} |`),
    '',
    '## Notes',
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  );
  return lines.join('\n');
}
