/**
 * @module cli/eval-command
 * `kefu eval [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto]`: trains on
 * TRAIN (or uses the model of `intents/`), scores TEST; with `--json` the last line of standard
 * output is one JSON object.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import type { Locale } from '../core/shop';
import { intentMetrics } from '../eval/intent-metrics';
import { readExamples } from '../eval/read-examples';
import { buildShopLexicon, loadOrTrainModel, NluEngine } from '../nlp';
import { openStores } from '../storage/open-stores';

export async function runEval(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'auto' },
    },
  });
  if (!values.test) {
    process.stderr.write('usage: kefu eval [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto]\n');
    return 2;
  }
  const lang = values.lang as Locale | 'auto';
  if (!['zh', 'en', 'auto'].includes(lang)) {
    process.stderr.write(`--lang must be zh, en or auto (got "${values.lang}")\n`);
    return 2;
  }
  const test = readExamples(values.test, lang);
  const started = performance.now();
  let engine: NluEngine;
  if (values.train) {
    const train = readExamples(values.train, lang);
    engine = NluEngine.train(train, buildShopLexicon([]));
  } else {
    const config = loadConfig();
    const stores = await openStores(config);
    const products = (await stores.shop.loadShop()).products;
    await stores.close();
    engine = (await loadOrTrainModel({ intentsDir: config.intentsDir, products, dataDir: config.dataDir, modelDir: config.modelDir })) as NluEngine;
  }
  const trainSeconds = (performance.now() - started) / 1000;
  for (const ex of test.slice(0, 50)) engine.recognizeSync(ex.text, lang === 'auto' ? undefined : lang); // warm-up
  const t0 = performance.now();
  const pairs = test.map((ex) => ({ gold: ex.intent, predicted: engine.recognizeSync(ex.text, lang === 'auto' ? undefined : lang).topIntent.name }));
  const seconds = (performance.now() - t0) / 1000;
  const metrics = intentMetrics(pairs);
  const summary = {
    n: metrics.n,
    accuracy: metrics.accuracy,
    macroF1: metrics.macroF1,
    inScopeAccuracy: metrics.inScopeAccuracy,
    oosRecall: metrics.oosRecall,
    oosPrecision: metrics.oosPrecision,
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    predictPerSecond: Math.round(test.length / seconds),
  };
  if (!values.json) {
    process.stdout.write(
      `n=${summary.n} accuracy=${(summary.accuracy * 100).toFixed(2)}% macroF1=${(summary.macroF1 * 100).toFixed(2)}%` +
        (summary.oosRecall !== null ? ` inScope=${(summary.inScopeAccuracy! * 100).toFixed(2)}% oosRecall=${(summary.oosRecall * 100).toFixed(2)}%` : '') +
        ` train=${summary.trainSeconds}s predict=${summary.predictPerSecond}/s\n`,
    );
  }
  process.stdout.write(JSON.stringify(summary) + '\n');
  return 0;
}
