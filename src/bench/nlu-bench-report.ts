/**
 * @module bench/nlu-bench-report
 * `test/reports/bench-nlu.md` and `.json`: one row per system and dataset, with the run date,
 * the machine and the Node version, so numbers from different runs can be told apart; then the
 * dev-set rows of kefu's shipped model.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { NluBenchResult } from './nlu-bench-result';
import type { DevBenchReport } from './nlu-dev-bench-result';

export interface NluBenchReport {
  date: string;
  machine: { cpu: string; cores: number; os: string; memoryBytes: number };
  node: string;
  /** `git describe --always --dirty` of the code measured. */
  commit: string;
  /** Time cap of one system on one dataset, seconds. */
  timeoutSeconds: number;
  results: NluBenchResult[];
  /** kefu's shipped model on the development sets (real and shopper-style messages). */
  devSets?: DevBenchReport;
  /** Set when the dev-set section was measured later than the rest (`nlu-dev-bench --write-report`). */
  devSetsDate?: string;
  /** `git describe --always --dirty` when the dev-set section was measured later. */
  devSetsCommit?: string;
  notes: string[];
}

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const mib = (b: number | undefined): string => (b === undefined ? '—' : `${(b / 1048576).toFixed(1)} MiB`);

/** The Markdown table (also printed to the console). */
export function formatNluBenchTable(results: readonly NluBenchResult[]): string {
  const head = [
    '| dataset | lang | system | accuracy | macro-F1 | in-scope acc. | OOS recall | OOS precision | ECE | answered oos | train s | predictions/s (intent only) | first pass/s | model on disk | peak RSS |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const rows = results.map((r) =>
    r.status !== 'ok'
      ? `| ${r.dataset} | ${r.lang} | ${r.system} | ${r.status}: ${r.note ?? ''} | | | | | | | | | | | |`
      : `| ${r.dataset} | ${r.lang} | ${r.system} | ${pct(r.accuracy)} | ${pct(r.macroF1)} | ${pct(r.inScopeAccuracy)} | ${pct(r.oosRecall)} | ${pct(r.oosPrecision)} | ${r.ece === null || r.ece === undefined ? '—' : r.ece.toFixed(3)} | ${r.predictedOos ?? '—'} / ${r.n} | ${r.trainSeconds} | ${r.predictPerSecond}${r.classifyPerSecond ? ` (${r.classifyPerSecond})` : ''} | ${r.firstPassPerSecond ?? '—'} | ${mib(r.modelBytes)} | ${mib(r.peakRssBytes)} |`,
  );
  return [...head, ...rows].join('\n');
}

/** The Markdown table of the dev sets, then their top confusions. */
export function formatDevBench(report: DevBenchReport): string {
  const rows = report.results.map((r) =>
    r.status !== 'ok'
      ? `| ${r.set} | ${r.lang} | skipped: ${r.note ?? ''} | | | | | | | | |`
      : `| ${r.set} | ${r.lang} | ${r.n} | ${pct(r.accuracy)} | ${pct(r.inScopeAccuracy)} | ${pct(r.oosRecall)} | ${pct(r.oosPrecision)} | ${pct(r.macroF1)} | ${r.ece === null || r.ece === undefined ? '—' : r.ece.toFixed(3)} | ${r.predictedOos} | ${r.predictPerSecond} |`,
  );
  const confusions = report.results.flatMap((r) =>
    r.status === 'ok' && (r.set === 'jddc-zh-dev' || r.set === 'en-dev')
      ? [`- **${r.set}**: ${(r.topConfusions ?? []).map((c) => `${c.gold} → ${c.predicted} (${c.count})`).join(', ') || 'none'}`]
      : [],
  );
  return [
    `kefu's shipped model: trained on the ${report.trainExamples} utterances of \`intents/\` in ${report.trainSeconds} s` +
      (report.heldOut ? `; on the held-out \`tests\` of \`intents/\`: ${report.heldOut.map((h) => `${h.locale} ${pct(h.accuracy)} of ${h.n}`).join(', ')}.` : '.'),
    '',
    '| dev set | lang | n | accuracy | in-scope acc. | OOS recall | OOS precision | macro-F1 | ECE | answered oos | predictions/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Top confusions (gold → predicted, count):',
    '',
    ...confusions,
  ].join('\n');
}

export function formatNluBenchReport(report: NluBenchReport): string {
  return [
    '# NLU benchmark: kefu vs NLP.js (dev splits)',
    '',
    `Run ${report.date} on ${report.machine.cpu} (${report.machine.cores} cores, ${report.machine.os}, ${mib(report.machine.memoryBytes)} RAM), Node ${report.node}, code \`${report.commit}\`. ` +
      `Each system trains on \`train.jsonl\` and scores \`dev.jsonl\` of \`../shared/datasets/<name>\`, in a child process of its own (cap ${report.timeoutSeconds} s).`,
    '',
    report.results.length ? formatNluBenchTable(report.results) : '_No public dataset found: those rows were skipped._',
    '',
    ...(report.devSets ? ['## Dev sets: kefu\'s shipped model on real and shopper-style messages', '', ...(report.devSetsDate ? [`Measured ${report.devSetsDate} (after the table above), code \`${report.devSetsCommit ?? 'unknown'}\`.`, ''] : []), formatDevBench(report.devSets), ''] : []),
    '## How it is measured',
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

/** Writes `<out>.md` and `<out>.json` (out without extension). */
export function writeNluBenchReport(report: NluBenchReport, out: string): { md: string; json: string } {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const md = `${out}.md`;
  const json = `${out}.json`;
  fs.writeFileSync(md, formatNluBenchReport(report));
  fs.writeFileSync(json, JSON.stringify(report, null, 2) + '\n');
  return { md, json };
}
