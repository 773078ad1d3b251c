/**
 * @module bench/clarify-margin-bench
 * Chooses the clarifying question's margin (`KEFU_CLARIFY_MARGIN`) by measurement: kefu's shipped
 * model on its dev sets and on the held-out lists of `intents/`, and for each margin how many
 * messages would get the question, how many of those the first guess got wrong but the runner-up
 * right (rescued), how many it got right anyway (asked needlessly), and the accuracy when a
 * question whose two buttons hold the right intent counts as right. Dev lines are only scored,
 * never trained on.
 * @example node dist/bench/clarify-margin-bench.js [--write-report]
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { closeCall, rankedIntents, type ClarifyRule } from '../nlp/clarify-rule';
import type { NluEngine } from '../nlp';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import { trainShippedModel } from './nlu-dev-bench';
import { loadDevSets, type DevExample } from './nlu-dev-sets';

export interface MarginRow {
  set: string;
  margin: number;
  n: number;
  asked: number;
  rescued: number;
  needless: number;
  accuracy: number;
  accuracyWithQuestion: number;
}

export function marginRows(engine: NluEngine, set: string, examples: readonly DevExample[], margins: readonly number[], minSecond: number): MarginRow[] {
  const recognised = examples.map((e) => ({ gold: e.intent, r: engine.recognizeSync(e.text) }));
  return margins.map((margin) => {
    const rule: ClarifyRule = { margin, minSecond, oosIntent: engine.oosIntent };
    let asked = 0, rescued = 0, needless = 0, right = 0, rightWithQuestion = 0;
    for (const { gold, r } of recognised) {
      const guessRight = r.topIntent.name === gold;
      if (guessRight) right++;
      const pair = closeCall(rankedIntents(r), rule);
      if (!pair) {
        if (guessRight) rightWithQuestion++;
        continue;
      }
      asked++;
      if (guessRight) needless++;
      if (!guessRight && pair.some((p) => p.name === gold)) rescued++;
      if (pair.some((p) => p.name === gold)) rightWithQuestion++;
    }
    const n = recognised.length;
    return { set, margin, n, asked, rescued, needless, accuracy: right / n, accuracyWithQuestion: rightWithQuestion / n };
  });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatMarginRows(rows: readonly MarginRow[], minSecond: number): string {
  const lines = [
    `# Clarifying question: which margin (node dist/bench/clarify-margin-bench.js)`,
    '',
    `Run ${new Date().toISOString()}. kefu's shipped model (trained on \`intents/\`), runner-up probability ≥ ${minSecond}. "asked": messages that would get the question; "rescued": asked where the first guess was wrong and the runner-up right; "needless": asked where the first guess was right; "acc. with question": a question whose buttons hold the right intent counts as right.`,
    '',
    '| set | margin | n | asked | rescued | needless | accuracy | acc. with question |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.set} | ${r.margin} | ${r.n} | ${r.asked} (${pct(r.asked / r.n)}) | ${r.rescued} | ${r.needless} | ${pct(r.accuracy)} | ${pct(r.accuracyWithQuestion)} |`),
  ];
  return lines.join('\n') + '\n';
}

if (require.main === module) {
  const margins = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
  const minSecond = Number(process.env.CLARIFY_MIN_SECOND ?? 0.2);
  const sets = loadDevSets(defaultDatasetsRoot(REPO_ROOT), path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev'));
  const { engine, corpus } = trainShippedModel(path.join(REPO_ROOT, 'intents'), path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'));
  const rows: MarginRow[] = [];
  for (const s of sets) if (s.status === 'ok') rows.push(...marginRows(engine, s.name, s.examples, margins, minSecond));
  for (const locale of ['zh', 'en'] as const) {
    const tests = corpus.tests.filter((e) => e.locale === locale).map((e, i) => ({ id: `tests:${i}`, text: e.text, intent: e.intent }));
    rows.push(...marginRows(engine, `held-out ${locale}`, tests, margins, minSecond));
  }
  const text = formatMarginRows(rows, minSecond);
  process.stdout.write(text);
  if (process.argv.includes('--write-report')) fs.writeFileSync(path.join(REPO_ROOT, 'test', 'reports', 'bench-clarify.md'), text);
}
