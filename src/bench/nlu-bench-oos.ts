/**
 * @module bench/nlu-bench-oos
 * Issue 11, knowing when it is unsure: which signal of kefu's model tells out-of-scope questions
 * apart best. One engine (`NluEngine.train`, defaults) trains on a dataset's train split and
 * classifies its dev split once; for each signal the threshold is then swept on dev, only to
 * compare the signals: OOS recall at the best threshold that keeps in-scope accuracy within a
 * budget of the model's accuracy without any OOS rule. The engine itself fits its threshold on
 * held-out folds of train (its row "engine" is what it answers).
 * `npm run build --silent && node dist/bench/nlu-bench-oos.js [dataset] [--write-report]`
 * (dataset: a folder name of `../shared/datasets` with an `oos` intent, default `clinc150`;
 * `--write-report` writes `test/reports/bench-nlu-oos.md`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { buildShopLexicon, NluEngine } from '../nlp';
import { readExamples } from '../eval/read-examples';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';

/** One dev answer: the gold intent, the best intent before the OOS rule, and its signals. */
interface Answer {
  gold: string;
  best: string;
  signals: Record<Signal, number>;
}

const SIGNALS = ['probability', 'top-two margin', 'logit margin over oos'] as const;
type Signal = (typeof SIGNALS)[number];

/** Points of in-scope accuracy each signal may give up, against no OOS rule at all. */
const BUDGETS = [0.1, 0.3, 0.5, 1];

const OOS = 'oos';

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

/** In-scope accuracy and OOS recall when answers whose `signal` is below `t` become `oos`. */
function score(answers: readonly Answer[], signal: Signal | undefined, t: number): { inScope: number; oosRecall: number } {
  let inN = 0, inOk = 0, oosN = 0, caught = 0;
  for (const a of answers) {
    const said = signal && a.signals[signal] < t ? OOS : a.best;
    if (a.gold === OOS) [oosN, caught] = [oosN + 1, caught + (said === OOS ? 1 : 0)];
    else [inN, inOk] = [inN + 1, inOk + (said === a.gold ? 1 : 0)];
  }
  return { inScope: inN ? inOk / inN : 0, oosRecall: oosN ? caught / oosN : 0 };
}

/** OOS recall at the highest threshold whose in-scope accuracy stays within `budget` points of `floor`. */
function recallWithin(answers: readonly Answer[], signal: Signal, floor: number, budget: number): number {
  let best = score(answers, undefined, 0).oosRecall;
  for (const t of [...new Set(answers.map((a) => a.signals[signal]))].sort((a, b) => a - b)) {
    const s = score(answers, signal, t);
    if (s.inScope < floor - budget / 100) break;
    best = s.oosRecall;
  }
  return best;
}

export function runOosBench(dir: string): string[] {
  const train = readExamples(path.join(dir, 'train.jsonl'), 'auto');
  const dev = readExamples(path.join(dir, 'dev.jsonl'), 'auto');
  const load = os.loadavg()[0] as number;
  const engine = NluEngine.train(train, buildShopLexicon([]));
  const answers = dev.map((e): Answer => {
    const { intents, margin } = engine.classify(e.text);
    const [first, second] = [intents[0]?.score ?? 0, intents[1]?.score ?? 0];
    const signals = { probability: first, 'top-two margin': first - second, 'logit margin over oos': margin };
    return { gold: e.intent, best: intents[0]?.name ?? OOS, signals };
  });
  const none = score(answers, undefined, 0);
  const own = score(answers, 'logit margin over oos', engine.threshold);
  return [
    `# Out-of-scope signals on ${path.basename(dir)} dev`,
    '',
    `Run ${new Date().toISOString()}, 1-minute load average ${load.toFixed(1)} at the start and ${os.loadavg()[0]?.toFixed(1)} at the end on ${os.cpus().length} cores (accuracy only, no timings). One model, \`NluEngine.train\` on train with the defaults; without an OOS rule it answers ${pct(none.inScope)} of the in-scope dev questions right and catches ${pct(none.oosRecall)} of the out-of-scope ones (its \`oos\` intent).`,
    '',
    `| signal | ${BUDGETS.map((b) => `OOS recall at in-scope ≥ ${pct(none.inScope - b / 100)}`).join(' | ')} |`,
    `|---|${BUDGETS.map(() => '---').join('|')}|`,
    ...SIGNALS.map((s) => `| ${s} | ${BUDGETS.map((b) => pct(recallWithin(answers, s, none.inScope, b))).join(' | ')} |`),
    '',
    `The engine's own rule (logit margin over \`oos\`, threshold fitted on held-out folds of train): in-scope ${pct(own.inScope)}, OOS recall ${pct(own.oosRecall)}.`,
    '',
    'Thresholds are swept on dev here only to compare the signals; the engine never sees dev.',
  ];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith('--')) ?? 'clinc150';
  const lines = runOosBench(path.join(defaultDatasetsRoot(REPO_ROOT), name));
  process.stdout.write(lines.join('\n') + '\n');
  if (args.includes('--write-report')) fs.writeFileSync(path.join(REPO_ROOT, 'test', 'reports', 'bench-nlu-oos.md'), lines.join('\n') + '\n');
}
