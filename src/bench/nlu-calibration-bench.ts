/**
 * @module bench/nlu-calibration-bench
 * What temperature scaling buys: the expected calibration error (ECE, 10 bins, top-1 confidence)
 * of the same answers with the raw softmax (scale 1) and with the scale fitted on held-out folds of
 * the training utterances (what the engine ships). The decisions are the engine's either way; only
 * the confidence differs (for an `oos` answer below the threshold, 1 − the best intent's
 * probability, as the engine reports it). Rows: kefu's shipped model on its dev sets and held-out
 * lists, and with `--public NAME…` a model trained on `../shared/datasets/NAME/train.jsonl` scored
 * on its `dev.jsonl` (dev lines are never trained on).
 * @example node dist/bench/nlu-calibration-bench.js --public clinc150 banking77
 */
import path from 'node:path';
import { REPO_ROOT } from '../config';
import { calibration } from '../eval/calibration';
import { readExamples } from '../eval/read-examples';
import { buildShopLexicon, NluEngine } from '../nlp';
import type { Classifier } from '../nlp/classifier/classifier';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import { trainShippedModel } from './nlu-dev-bench';
import { loadDevSets } from './nlu-dev-sets';

export interface CalibrationRow {
  set: string;
  n: number;
  /** In-scope accuracy of the answers, and of the top label alone (no OOS rule: the classifier's ceiling). */
  inScopeAccuracy: number;
  inScopeCeiling: number;
  /** Share of the `oos` examples answered `oos` (NaN without any). */
  oosRecall: number;
  scale: number;
  eceRaw: number;
  eceCalibrated: number;
}

/** ECE of the engine's answers with its fitted scale and with scale 1. */
export function calibrationRow(engine: NluEngine, set: string, examples: readonly { text: string; intent: string }[]): CalibrationRow {
  // The bench reaches into the engine for its classifier to swap the scale; the chat path never does.
  const classifier = (engine as unknown as { classifier: Classifier }).classifier;
  const fitted = classifier.scale;
  const calibrated = examples.map((e) => ({ gold: e.intent, ...engine.classify(e.text) }));
  classifier.setScale(1);
  try {
    const raw = examples.map((e) => engine.classify(e.text).intents[0]!);
    const rows = (pick: (i: number) => number) => calibrated.map((c, i) => ({ gold: c.gold, predicted: c.top.name, score: pick(i) }));
    const rawScore = (i: number): number => {
      const best = raw[i]!;
      const c = calibrated[i]!;
      return c.top.name === best.name ? best.score : c.top.name === engine.oosIntent ? 1 - best.score : best.score;
    };
    const inScope = calibrated.filter((c) => c.gold !== engine.oosIntent);
    const oos = calibrated.filter((c) => c.gold === engine.oosIntent);
    return {
      set,
      n: examples.length,
      inScopeAccuracy: inScope.filter((c) => c.top.name === c.gold).length / inScope.length,
      inScopeCeiling: inScope.filter((c) => c.intents[0]?.name === c.gold).length / inScope.length,
      oosRecall: oos.filter((c) => c.top.name === engine.oosIntent).length / oos.length,
      scale: Math.round(fitted * 100) / 100,
      eceRaw: calibration(rows(rawScore)).ece,
      eceCalibrated: calibration(rows((i) => calibrated[i]!.top.score)).ece,
    };
  } finally {
    classifier.setScale(fitted);
  }
}

if (require.main === module) {
  const datasets = defaultDatasetsRoot(REPO_ROOT);
  const args = process.argv.slice(2);
  const rows: CalibrationRow[] = [];
  const { engine, corpus } = trainShippedModel(path.join(REPO_ROOT, 'intents'), path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'));
  for (const s of loadDevSets(datasets, path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev'))) if (s.status === 'ok') rows.push(calibrationRow(engine, s.name, s.examples));
  for (const locale of ['zh', 'en'] as const) rows.push(calibrationRow(engine, `held-out ${locale}`, corpus.tests.filter((e) => e.locale === locale)));
  const at = args.indexOf('--public');
  for (const name of at >= 0 ? args.slice(at + 1) : []) {
    const train = readExamples(path.join(datasets, name, 'train.jsonl'), 'auto');
    const dev = readExamples(path.join(datasets, name, 'dev.jsonl'), 'auto');
    const model = NluEngine.train(train, buildShopLexicon([]));
    rows.push(calibrationRow(model, `${name} dev`, dev));
  }
  const pct = (x: number): string => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);
  process.stdout.write('| set | n | fitted scale | ECE raw softmax | ECE calibrated | in-scope acc. | top label alone | OOS recall |\n|---|---|---|---|---|---|---|---|\n');
  for (const r of rows) {
    process.stdout.write(`| ${r.set} | ${r.n} | ${r.scale} | ${r.eceRaw.toFixed(3)} | ${r.eceCalibrated.toFixed(3)} | ${pct(r.inScopeAccuracy)} | ${pct(r.inScopeCeiling)} | ${pct(r.oosRecall)} |\n`);
  }
}
