/**
 * @module cli/eval-command
 * `kefu eval [--task intent|sentiment] [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto] [--report DIR]
 * [--mlp [--mlp-mode fallback|average|alone]]`: trains on TRAIN (or uses the model of `intents/`),
 * scores TEST. `--mlp` also trains the TensorFlow.js neural fallback (off by default). With `--json` the last line of
 * standard output is one JSON object (`EvalSummary`); `--report DIR` writes `report.html` and
 * `report.json`. Bad input (unknown flag, malformed or empty file) is an error, never a score.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import type { Locale } from '../core/shop';
import { domainIntents } from '../domain/domain-queries';
import { loadDomain } from '../domain/load-domain';
import { buildEvalReport, writeEvalReport } from '../eval/eval-report';
import { evalSummary, formatSummary } from '../eval/eval-summary';
import { intentMetrics } from '../eval/intent-metrics';
import { predictAll } from '../eval/predict-all';
import { readExamples } from '../eval/read-examples';
import { buildShopLexicon, loadIntentCorpus, loadOrTrainModel, NluEngine } from '../nlp';
import type { NeuralMode, NeuralOptions } from '../nlp';
import { shopContent } from '../shop-folder/shop-content';
import { openStores } from '../storage/open-stores';
import { runSentimentEval } from './eval-sentiment-command';

export const EVAL_USAGE =
  'usage: kefu eval [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto] [--report DIR] [--mlp [--mlp-mode fallback|average|alone]]\n' +
  '       kefu eval --task sentiment [--train TRAIN.jsonl] --test TEST.jsonl [--json] [--lang zh|en|auto]   ({"text","label":"positive"|"negative"})\n';

const MLP_MODES: readonly NeuralMode[] = ['fallback', 'average', 'alone'];

const OPTIONS = {
  task: { type: 'string', default: 'intent' },
  train: { type: 'string' },
  test: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'auto' },
  report: { type: 'string' },
  mlp: { type: 'boolean', default: false },
  'mlp-mode': { type: 'string', default: 'fallback' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The model of the shop's intents (built-in and the shop folder's) and catalogue: cached, or trained here with the neural fallback. */
async function modelFromIntents(neural: Partial<NeuralOptions> | undefined): Promise<NluEngine> {
  const config = loadConfig();
  const content = shopContent(config);
  const intents = content.intentFiles;
  const intentNames = domainIntents(loadDomain(content.domainFiles));
  const stores = await openStores(config);
  const products = (await stores.shop.loadShop()).products;
  await stores.close();
  if (neural) return NluEngine.trainAsync(loadIntentCorpus(intents, { intents: intentNames }).train, buildShopLexicon(products), { neural });
  return loadOrTrainModel({ intents, intentNames, products, dataDir: config.dataDir, modelDir: config.modelDir });
}

/** @example await runEval(['--train', 'train.jsonl', '--test', 'dev.jsonl', '--json']) // 0 */
export async function runEval(args: string[]): Promise<number> {
  let values: { task: string; train?: string; test?: string; json: boolean; lang: string; report?: string; mlp: boolean; 'mlp-mode': string; help: boolean };
  try {
    values = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    process.stderr.write(`kefu eval: ${(err as Error).message}\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(EVAL_USAGE);
    return 0;
  }
  if (!values.test) {
    process.stderr.write(`kefu eval: --test is required\n${EVAL_USAGE}`);
    return 2;
  }
  const lang = values.lang as Locale | 'auto';
  if (!['zh', 'en', 'auto'].includes(lang)) {
    process.stderr.write(`kefu eval: --lang must be zh, en or auto (got "${values.lang}")\n${EVAL_USAGE}`);
    return 2;
  }
  const mode = values['mlp-mode'] as NeuralMode;
  if (!MLP_MODES.includes(mode)) {
    process.stderr.write(`kefu eval: --mlp-mode must be ${MLP_MODES.join(', ')} (got "${values['mlp-mode']}")\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.task !== 'intent' && values.task !== 'sentiment') {
    process.stderr.write(`kefu eval: --task must be intent or sentiment (got "${values.task}")\n${EVAL_USAGE}`);
    return 2;
  }
  if (values.task === 'sentiment') {
    if (values.report || values.mlp) {
      process.stderr.write(`kefu eval: --report and --mlp are for --task intent\n${EVAL_USAGE}`);
      return 2;
    }
    return runSentimentEval({ train: values.train, test: values.test, json: values.json, lang });
  }
  const neural = values.mlp ? { mode } : undefined;
  const locale = lang === 'auto' ? undefined : lang;
  try {
    // Both files are read before training, so a bad line stops the run at once.
    const test = readExamples(values.test, lang);
    const train = values.train ? readExamples(values.train, lang) : null;
    const started = performance.now();
    const engine = train ? await NluEngine.trainAsync(train, buildShopLexicon([]), neural ? { neural } : {}) : await modelFromIntents(neural);
    const trainSeconds = (performance.now() - started) / 1000;
    const { predictions, ...speed } = predictAll((text) => engine.recognizeSync(text, locale).topIntent, test);
    const metrics = intentMetrics(predictions);
    const training = neural ? engine.toJSON().neural?.mlp.training : undefined;
    const summary = { ...evalSummary(metrics, trainSeconds, speed), ...(neural ? { mlp: { mode, ...training } } : {}) };
    if (values.report) {
      const report = buildEvalReport({ source: { train: values.train ?? null, test: values.test, lang }, summary, metrics, predictions });
      const written = writeEvalReport(values.report, report);
      if (!values.json) process.stdout.write(`written ${written.html} and ${written.json}\n`);
    }
    if (!values.json) process.stdout.write(formatSummary(summary) + '\n');
    else process.stdout.write(JSON.stringify(summary) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`kefu eval: ${(err as Error).message}\n`);
    return 1;
  }
}
