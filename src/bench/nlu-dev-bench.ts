/**
 * @module bench/nlu-dev-bench
 * kefu's shipped model (trained from `intents/` with the demo catalogue's lexicon, as the server
 * trains it) scored on the development sets of `nlu-dev-sets`: real shoppers in Chinese
 * (`jddc-zh-dev`) and shopper-style English (`en-dev`). `bench:nlu` puts the rows beside the public
 * datasets; run alone it prints them, for the loop "measure, study the misses, write new
 * training utterances, measure again":
 * `npm run build --silent && node dist/bench/nlu-dev-bench.js [--misses] [--intents DIR] [--write-report]`
 * (`--misses` lists every miss by id; `--intents` trains on another copy of the intents folder;
 * `--write-report` replaces the dev-set section of `test/reports/bench-nlu.*`, keeping the public rows).
 * Misses are listed by id (`session#turn`, `dataset:line`), never by text: the jddc messages must
 * not be copied into the project, reports included.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../config';
import { LOCALES, type Product } from '../core/shop';
import { confusedPairs } from '../eval/confusion';
import { intentMetrics } from '../eval/intent-metrics';
import { predictAll } from '../eval/predict-all';
import { buildShopLexicon, loadIntentCorpus, NluEngine } from '../nlp';
import type { IntentCorpus } from '../nlp';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import { formatDevBench, writeNluBenchReport } from './nlu-bench-report';
import type { NluBenchReport } from './nlu-bench-report';
import type { DevBenchReport, DevSetResult } from './nlu-dev-bench-result';
import { loadDevSets } from './nlu-dev-sets';
import type { DevSet } from './nlu-dev-sets';

/** The model the server ships: every `utterances` list of `intents/`, the demo catalogue's lexicon. */
export function trainShippedModel(intentsDir: string, knowledgeDir: string): { engine: NluEngine; corpus: IntentCorpus; trainSeconds: number } {
  const products = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'products.json'), 'utf8')) as Product[];
  const corpus = loadIntentCorpus(intentsDir);
  const t0 = performance.now();
  const engine = NluEngine.train(corpus.train, buildShopLexicon(products));
  return { engine, corpus, trainSeconds: Math.round((performance.now() - t0) / 10) / 100 };
}

/** Scores one dev set with `engine` (the language is detected per message, as in the chat). */
export function scoreDevSet(engine: NluEngine, set: DevSet, topConfusions = 10): DevSetResult {
  if (set.status === 'skipped') return { set: set.name, lang: set.lang, status: 'skipped', note: set.note };
  const { predictions, predictPerSecond } = predictAll((text) => engine.recognizeSync(text).topIntent, set.examples);
  const m = intentMetrics(predictions);
  const misses = predictions.flatMap((p, i) =>
    p.predicted === p.gold ? [] : [{ id: (set.examples[i] as { id: string }).id, gold: p.gold, predicted: p.predicted, score: Math.round(p.score * 1000) / 1000 }],
  );
  return {
    set: set.name,
    lang: set.lang,
    status: 'ok',
    n: m.n,
    accuracy: m.accuracy,
    inScopeAccuracy: m.inScopeAccuracy,
    oosRecall: m.oosRecall,
    oosPrecision: m.oosPrecision,
    macroF1: m.macroF1,
    ece: m.ece,
    predictedOos: predictions.filter((p) => p.predicted === 'oos').length,
    predictPerSecond,
    topConfusions: confusedPairs(predictions, topConfusions),
    misses,
  };
}

export function runDevBench(options: { intentsDir: string; knowledgeDir: string; datasetsRoot: string; fixtures: string }): DevBenchReport {
  const sets = loadDevSets(options.datasetsRoot, options.fixtures);
  const { engine, corpus, trainSeconds } = trainShippedModel(options.intentsDir, options.knowledgeDir);
  const heldOut = LOCALES.map((locale) => {
    const tests = corpus.tests.filter((e) => e.locale === locale);
    const right = tests.filter((e) => engine.recognizeSync(e.text).topIntent.name === e.intent).length;
    return { locale, n: tests.length, accuracy: tests.length ? right / tests.length : 0 };
  });
  return { trainExamples: corpus.train.length, trainSeconds, heldOut, results: sets.map((s) => scoreDevSet(engine, s)) };
}

/** Replaces the dev-set section of an existing `bench-nlu.json` (public rows kept) and rewrites both files. */
function updateReport(out: string, devSets: DevBenchReport): void {
  const report = JSON.parse(fs.readFileSync(`${out}.json`, 'utf8')) as NluBenchReport;
  const commit = spawnSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown';
  writeNluBenchReport({ ...report, devSets, devSetsDate: new Date().toISOString(), devSetsCommit: commit }, out);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const intentsAt = args.indexOf('--intents');
  const report = runDevBench({
    intentsDir: intentsAt >= 0 && args[intentsAt + 1] ? path.resolve(args[intentsAt + 1] as string) : path.join(REPO_ROOT, 'intents'),
    knowledgeDir: path.join(REPO_ROOT, 'shops', 'demo', 'knowledge'),
    datasetsRoot: defaultDatasetsRoot(REPO_ROOT),
    fixtures: path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev'),
  });
  process.stdout.write(formatDevBench(report) + '\n');
  if (args.includes('--misses')) {
    for (const r of report.results) {
      if (r.set === 'en-dev') continue; // its parts are listed
      for (const m of r.misses ?? []) process.stdout.write(`${r.set}\t${m.id}\t${m.gold}\t${m.predicted}\t${m.score}\n`);
    }
  }
  if (args.includes('--write-report')) updateReport(path.join(REPO_ROOT, 'test', 'reports', 'bench-nlu'), report);
}
