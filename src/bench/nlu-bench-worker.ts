/**
 * @module bench/nlu-bench-worker
 * One system on one dataset, in a process of its own so that peak memory belongs to it alone:
 * `node dist/bench/nlu-bench-worker.js <kefu|kefu-nb|nlp.js> <dataset dir> <result.json>`.
 * Trains on `train.jsonl`, scores `dev.jsonl`, saves the model to a temporary file for its size,
 * and writes an `NluBenchResult` to the result file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Locale } from '../core/shop';
import { intentMetrics } from '../eval/intent-metrics';
import { predictAll, predictAllAsync } from '../eval/predict-all';
import { readExamples } from '../eval/read-examples';
import type { NluBenchResult } from './nlu-bench-result';
import type { NluBenchSystem } from './nlu-bench-system';
import { NluKefuSystem } from './nlu-kefu-system';
import { NluNlpjsSystem } from './nlu-nlpjs-system';

const SYSTEMS: Record<string, () => NluBenchSystem> = {
  kefu: () => new NluKefuSystem(),
  'kefu-nb': () => new NluKefuSystem('kefu-nb', { classifier: 'naive-bayes' }),
  'nlp.js': () => new NluNlpjsSystem(),
};

/** The language most training lines are written in. */
function majorityLocale(examples: readonly { locale: Locale }[]): Locale {
  const zh = examples.filter((e) => e.locale === 'zh').length;
  return zh * 2 > examples.length ? 'zh' : 'en';
}

export async function runNluBenchWorker(systemName: string, datasetDir: string): Promise<NluBenchResult> {
  const make = SYSTEMS[systemName];
  if (!make) throw new Error(`unknown system "${systemName}" (known: ${Object.keys(SYSTEMS).join(', ')})`);
  const system = make();
  const train = readExamples(path.join(datasetDir, 'train.jsonl'), 'auto');
  const dev = readExamples(path.join(datasetDir, 'dev.jsonl'), 'auto');
  const lang = majorityLocale(train);
  const t0 = performance.now();
  await system.train(train, lang);
  const trainSeconds = (performance.now() - t0) / 1000;
  const { predictions, predictPerSecond, firstPassPerSecond } =
    system instanceof NluKefuSystem
      ? predictAll((t) => system.predictSync(t), dev)
      : await predictAllAsync((t) => system.predict(t), dev);
  const classifyPerSecond = system instanceof NluKefuSystem ? predictAll((t) => system.classifySync(t), dev).predictPerSecond : undefined;
  const m = intentMetrics(predictions);
  const modelFile = path.join(os.tmpdir(), `kefu-bench-${process.pid}-${Date.now()}.model.json`);
  await system.save(modelFile);
  const modelBytes = fs.statSync(modelFile).size;
  fs.rmSync(modelFile, { force: true });
  return {
    system: system.name,
    dataset: path.basename(datasetDir),
    lang,
    status: 'ok',
    trainExamples: train.length,
    n: m.n,
    accuracy: m.accuracy,
    macroF1: m.macroF1,
    inScopeAccuracy: m.inScopeAccuracy,
    oosRecall: m.oosRecall,
    oosPrecision: m.oosPrecision,
    ece: m.ece,
    predictedOos: predictions.filter((p) => p.predicted === 'oos').length,
    trainSeconds: Math.round(trainSeconds * 100) / 100,
    predictPerSecond,
    firstPassPerSecond,
    classifyPerSecond,
    modelBytes,
    // maxRSS is in kibibytes on Linux and macOS.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

if (require.main === module) {
  const [systemName, datasetDir, out] = process.argv.slice(2);
  if (!systemName || !datasetDir || !out) {
    process.stderr.write('usage: node dist/bench/nlu-bench-worker.js <kefu|kefu-nb|nlp.js> <dataset dir> <result.json>\n');
    process.exit(2);
  }
  runNluBenchWorker(systemName, datasetDir).then(
    (result) => fs.writeFileSync(out, JSON.stringify(result)),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
