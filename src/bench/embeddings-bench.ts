/**
 * @module bench/embeddings-bench
 * Issue 11: does a dense message vector from the shipped word vectors (`nlp/embeddings`),
 * appended to the TF-IDF features of the logistic regression, help? Every variant is trained and
 * scored in the same run, on the same machine: the shipped model (`intents/`, demo lexicon) on
 * the dev sets (`nlu-dev-sets`) and the held-out lists, and a model trained on clinc150 train on
 * clinc150 dev (in-scope accuracy and OOS recall at the threshold each model fitted).
 * `npm run build --silent && node dist/bench/embeddings-bench.js [--weights 0,0.5,0.5:zh] [--no-clinc] [--write-report]`
 * `--write-report` writes `test/reports/bench-embeddings.json` (the `.md` beside it carries the table
 * and what was decided). No text is reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../config';
import { LOCALES, type Product } from '../core/shop';
import { intentMetrics } from '../eval/intent-metrics';
import { predictAll } from '../eval/predict-all';
import { buildShopLexicon, loadIntentCorpus, NluEngine } from '../nlp';
import { DEFAULT_FEATURE_OPTIONS } from '../nlp/classifier/features';
import { shippedEmbeddingsHash } from '../nlp/embeddings/message-embedder';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
import { scoreDevSet } from './nlu-dev-bench';
import { loadDevSets } from './nlu-dev-sets';

export interface VariantResult {
  /** Length of the appended message vector (0: TF-IDF only, the default model). */
  weight: number;
  /** Whose words fill it. */
  langs: ('zh' | 'en')[];
  trainSeconds: number;
  dev: { set: string; n?: number; accuracy?: number; inScopeAccuracy?: number | null; oosRecall?: number | null; microsPerTurn?: number }[];
  heldOut: { locale: string; n: number; accuracy: number }[];
  clinc150?: { n: number; inScopeAccuracy: number | null; oosRecall: number | null; threshold: number; trainSeconds: number; microsPerTurn: number };
}

export interface EmbeddingsBenchReport {
  date: string;
  machine: { cpus: number; loadAverage: number[]; node: string };
  embeddingsHash: string;
  variants: VariantResult[];
}

function jsonLines(file: string): { text: string; intent: string }[] {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { text: string; intent: string });
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

function seconds(t0: number): number {
  return round((performance.now() - t0) / 1000, 2);
}

export function runEmbeddingsBench(variantsToRun: readonly { weight: number; langs: ('zh' | 'en')[] }[], withClinc: boolean, datasets: string): EmbeddingsBenchReport {
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures', 'nlu-dev');
  const sets = loadDevSets(datasets, fixtures);
  const products = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'shops', 'demo', 'knowledge', 'products.json'), 'utf8')) as Product[];
  const corpus = loadIntentCorpus(path.join(REPO_ROOT, 'intents'));
  const clincTrain = withClinc ? jsonLines(path.join(datasets, 'clinc150', 'train.jsonl')) : [];
  const clincDev = withClinc ? jsonLines(path.join(datasets, 'clinc150', 'dev.jsonl')) : [];
  const variants: VariantResult[] = [];
  for (const { weight, langs } of variantsToRun) {
    const features = weight > 0 ? { ...DEFAULT_FEATURE_OPTIONS, embeddings: weight, embeddingLangs: langs } : DEFAULT_FEATURE_OPTIONS;
    const t0 = performance.now();
    const engine = NluEngine.train(corpus.train, buildShopLexicon(products), { features });
    const trainSeconds = seconds(t0);
    const dev = sets.map((s) => {
      const r = scoreDevSet(engine, s);
      return r.status === 'ok'
        ? { set: r.set, n: r.n, accuracy: r.accuracy, inScopeAccuracy: r.inScopeAccuracy, oosRecall: r.oosRecall, microsPerTurn: round(1e6 / (r.predictPerSecond as number), 1) }
        : { set: r.set };
    });
    const heldOut = LOCALES.map((locale) => {
      const tests = corpus.tests.filter((e) => e.locale === locale);
      const right = tests.filter((e) => engine.recognizeSync(e.text).topIntent.name === e.intent).length;
      return { locale, n: tests.length, accuracy: tests.length ? round(right / tests.length) : 0 };
    });
    const result: VariantResult = { weight, langs: weight > 0 ? langs : [], trainSeconds, dev, heldOut };
    if (withClinc) {
      const t1 = performance.now();
      const clinc = NluEngine.train(clincTrain.map((e) => ({ ...e, locale: 'en' as const })), buildShopLexicon([]), { features });
      const clincSeconds = seconds(t1);
      const { predictions, predictPerSecond } = predictAll((text) => clinc.classify(text).top, clincDev);
      const m = intentMetrics(predictions);
      result.clinc150 = { n: m.n, inScopeAccuracy: m.inScopeAccuracy, oosRecall: m.oosRecall, threshold: round(clinc.threshold), trainSeconds: clincSeconds, microsPerTurn: round(1e6 / predictPerSecond, 1) };
    }
    variants.push(result);
    process.stderr.write(`weight ${weight}: ${JSON.stringify(result)}\n`);
  }
  return { date: new Date().toISOString(), machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map((x) => round(x, 2)), node: process.version }, embeddingsHash: shippedEmbeddingsHash(), variants };
}

const pct = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

export function formatEmbeddingsBench(r: EmbeddingsBenchReport): string {
  const setNames = r.variants[0]?.dev.map((d) => d.set) ?? [];
  const head = ['message vector length', ...setNames, ...(r.variants[0]?.heldOut.map((h) => `held-out ${h.locale}`) ?? []), 'clinc150 in-scope', 'clinc150 OOS recall', 'µs/turn (jddc-zh-dev, en-dev, clinc150)'];
  const rows = r.variants.map((v) => [
    v.weight === 0 ? '0 (TF-IDF only)' : `${v.weight} (${v.langs.join('+')})`,
    ...v.dev.map((d) => pct(d.accuracy)),
    ...v.heldOut.map((h) => pct(h.accuracy)),
    pct(v.clinc150?.inScopeAccuracy),
    pct(v.clinc150?.oosRecall),
    [v.dev.find((d) => d.set === 'jddc-zh-dev')?.microsPerTurn, v.dev.find((d) => d.set === 'en-dev')?.microsPerTurn, v.clinc150?.microsPerTurn].map((x) => x ?? '—').join(', '),
  ]);
  return [head, head.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--weights');
  // `weight[:zh+en]`, comma-separated: `0,0.5,0.5:zh`.
  const variants = (at >= 0 && args[at + 1] ? (args[at + 1] as string) : '0,0.5,0.5:zh').split(',').map((v) => {
    const [weight, langs] = v.split(':');
    return { weight: Number(weight), langs: (langs ? langs.split('+') : ['zh', 'en']) as ('zh' | 'en')[] };
  });
  const datasets = defaultDatasetsRoot(REPO_ROOT);
  const report = runEmbeddingsBench(variants, !args.includes('--no-clinc'), datasets);
  const table = formatEmbeddingsBench(report);
  process.stdout.write(table + '\n');
  if (args.includes('--write-report')) {
    const out = path.join(REPO_ROOT, 'test', 'reports', 'bench-embeddings');
    fs.writeFileSync(`${out}.json`, JSON.stringify(report, null, 2) + '\n');
  }
}
