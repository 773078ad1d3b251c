/**
 * @module bench/faq-bench
 * FAQ retrieval on paraphrases: for the demo shop (dev set, the retriever's weights and threshold
 * were chosen on it) and a second shop (held out), every paraphrase in `test/fixtures/faq-paraphrases`
 * is asked in its language; recall@1 counts answers with the right FAQ, and questions no FAQ answers
 * must get no answer (abstain precision: of the questions left unanswered, the share that had no
 * answer to find). BM25 alone and the semantic retriever run side by side. When the ATEC/AFQMC
 * pairs are present, the semantic similarity is also scored as a paraphrase classifier (threshold
 * chosen on train, accuracy on dev).
 *
 * @example node dist/bench/faq-bench.js
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../config';
import type { TextAnalyzer } from '../core/nlu';
import type { Faq, Locale } from '../core/shop';
import { KefuTextAnalyzer } from '../nlp/analyzer';
import { FaqRetriever, type FaqRetrieverOptions } from '../services/faq/faq-retriever';
import { SemanticIndex } from '../services/faq/semantic-index';
import { shippedAssociations } from '../services/faq/term-associations';
import { readPairs, type PairExample } from '../services/faq/train-term-associations';

export interface ParaphraseSet {
  shop: string;
  note: string;
  paraphrases: { faqId: string; zh: string[]; en: string[] }[];
  abstain: Record<Locale, string[]>;
}

export interface RetrieverScore {
  retriever: string;
  /** FAQ paraphrases asked */
  questions: number;
  /** answered with the right FAQ / questions */
  recallAt1: number;
  /** the right FAQ ranked first, threshold ignored / questions */
  top1: number;
  /** answered with a wrong FAQ */
  wrong: number;
  /** questions that must abstain, and how many did */
  nonFaq: number;
  abstainedNonFaq: number;
  /** abstained non-FAQ questions / all abstentions (1 when nothing abstained) */
  abstainPrecision: number;
  misses: string[];
}

export interface ShopResult {
  shop: string;
  role: 'dev' | 'held out';
  faqs: number;
  byLocale: Record<Locale, RetrieverScore[]>;
  all: RetrieverScore[];
}

export interface PairClassifierResult {
  trainPairs: number;
  devPairs: number;
  devPositiveRate: number;
  models: { model: string; threshold: number; devAccuracy: number; devF1: number }[];
}

export interface FaqBenchReport {
  bench: 'faq';
  date: string;
  node: string;
  protocol: string;
  shops: ShopResult[];
  afqmc: PairClassifierResult | null;
  totalMs: number;
}

/** The retrievers compared: the old BM25 alone (its shipped threshold) and today's default. */
export const RETRIEVERS: Record<string, FaqRetrieverOptions> = {
  'BM25 only': { semanticWeight: 0, threshold: 0.2 },
  'BM25 + semantic': {},
};

const PROTOCOL =
  'Each paraphrase (written for this project, never a stored phrasing) is asked in its language with best() (no intent tag); ' +
  'recall@1 = answered with the right FAQ / paraphrases; top-1 ignores the abstain threshold; non-FAQ questions must get no answer; ' +
  'abstain precision = abstained non-FAQ questions / all abstentions. Demo shop = dev set (weights and threshold chosen on it); ' +
  'second shop = held out.';

export function scoreRetriever(name: string, retriever: FaqRetriever, set: ParaphraseSet, locales: readonly Locale[]): RetrieverScore {
  let questions = 0;
  let right = 0;
  let top1 = 0;
  let wrong = 0;
  let abstainedFaq = 0;
  const misses: string[] = [];
  for (const p of set.paraphrases) {
    for (const locale of locales) {
      for (const q of p[locale]) {
        questions += 1;
        const first = retriever.search(q, locale, { limit: 1 })[0];
        if (first?.faq.id === p.faqId) top1 += 1;
        const best = retriever.best(q, locale);
        if (!best) abstainedFaq += 1;
        else if (best.faq.id === p.faqId) right += 1;
        else wrong += 1;
        if (best?.faq.id !== p.faqId) misses.push(`${q} → ${best ? best.faq.id : '(no answer)'} (want ${p.faqId})`);
      }
    }
  }
  const nonFaq = locales.reduce((s, l) => s + set.abstain[l].length, 0);
  let abstainedNonFaq = 0;
  for (const locale of locales) {
    for (const q of set.abstain[locale]) {
      const best = retriever.best(q, locale);
      if (!best) abstainedNonFaq += 1;
      else misses.push(`${q} → ${best.faq.id} (want no answer)`);
    }
  }
  const abstentions = abstainedFaq + abstainedNonFaq;
  return {
    retriever: name,
    questions,
    recallAt1: right / questions,
    top1: top1 / questions,
    wrong,
    nonFaq,
    abstainedNonFaq,
    abstainPrecision: abstentions === 0 ? 1 : abstainedNonFaq / abstentions,
    misses,
  };
}

export function readParaphrases(file: string): ParaphraseSet {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ParaphraseSet;
}

export function benchShop(set: ParaphraseSet, role: ShopResult['role'], analyzer: TextAnalyzer, retrievers = RETRIEVERS): ShopResult {
  const faqs = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, set.shop, 'faq.json'), 'utf8')) as Faq[];
  const built = Object.entries(retrievers).map(([name, options]) => [name, new FaqRetriever(faqs, analyzer, options)] as const);
  const byLocale = {} as Record<Locale, RetrieverScore[]>;
  for (const locale of ['zh', 'en'] as const) byLocale[locale] = built.map(([name, r]) => scoreRetriever(name, r, set, [locale]));
  return { shop: set.shop, role, faqs: faqs.length, byLocale, all: built.map(([name, r]) => scoreRetriever(name, r, set, ['zh', 'en'])) };
}

/** The accuracy-best threshold on `pairs` for similarity scores `sims`. */
function bestThreshold(sims: number[], pairs: readonly PairExample[]): number {
  const order = sims.map((s, i) => [s, pairs[i].same] as const).sort((a, b) => b[0] - a[0]);
  let correct = pairs.filter((p) => !p.same).length; // everything below the threshold: "different"
  let best = { correct, threshold: Infinity };
  for (const [s, same] of order) {
    correct += same ? 1 : -1;
    if (correct > best.correct) best = { correct, threshold: s };
  }
  return best.threshold;
}

export function benchAfqmc(dir: string, trainSample = 8000): PairClassifierResult | null {
  const trainFile = path.join(dir, 'train.tsv');
  const devFile = path.join(dir, 'dev.tsv');
  if (!fs.existsSync(trainFile) || !fs.existsSync(devFile)) return null;
  const train = readPairs(trainFile);
  const dev = readPairs(devFile);
  // Feature weights from the train sentences; the threshold from a fixed slice of train.
  const sentences = train.flatMap((p) => [p.a, p.b]);
  const slice = train.filter((_, i) => i % Math.max(1, Math.floor(train.length / trainSample)) === 0);
  const models = [
    { model: 'characters + shop synonyms', index: new SemanticIndex(sentences, null) },
    { model: '+ learned associations', index: new SemanticIndex(sentences, shippedAssociations()) },
  ].map(({ model, index }) => {
    const threshold = bestThreshold(slice.map((p) => index.pair(p.a, p.b)), slice);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let correct = 0;
    for (const p of dev) {
      const said = index.pair(p.a, p.b) >= threshold;
      if (said === p.same) correct += 1;
      if (said && p.same) tp += 1;
      if (said && !p.same) fp += 1;
      if (!said && p.same) fn += 1;
    }
    return { model, threshold: round(threshold), devAccuracy: round(correct / dev.length), devF1: round((2 * tp) / (2 * tp + fp + fn)) };
  });
  return { trainPairs: train.length, devPairs: dev.length, devPositiveRate: round(dev.filter((p) => p.same).length / dev.length), models };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function runFaqBench(options: { datasetsDir?: string | null } = {}): FaqBenchReport {
  const started = Date.now();
  const analyzer = new KefuTextAnalyzer();
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures', 'faq-paraphrases');
  const shops = [
    benchShop(readParaphrases(path.join(fixtures, 'demo-shop.json')), 'dev', analyzer),
    benchShop(readParaphrases(path.join(fixtures, 'other-shop.json')), 'held out', analyzer),
  ];
  const datasets = options.datasetsDir === undefined ? process.env.KEFU_DATASETS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'datasets') : options.datasetsDir;
  const afqmc = datasets ? benchAfqmc(path.join(datasets, 'atec-afqmc')) : null;
  return { bench: 'faq', date: new Date().toISOString(), node: process.version, protocol: PROTOCOL, shops, afqmc, totalMs: Date.now() - started };
}

export function formatFaqReport(r: FaqBenchReport): string {
  const lines = [`# FAQ retrieval on paraphrases`, '', `${r.date} · node ${r.node} · ${r.totalMs} ms`, '', r.protocol, ''];
  for (const shop of r.shops) {
    lines.push(`## ${shop.shop} (${shop.faqs} FAQs, ${shop.role})`, '');
    lines.push('| retriever | language | paraphrases | recall@1 | top-1 | wrong answers | non-FAQ abstained | abstain precision |', '|---|---|---|---|---|---|---|---|');
    const rows: [string, RetrieverScore[]][] = [['zh', shop.byLocale.zh], ['en', shop.byLocale.en], ['both', shop.all]];
    for (const [lang, scores] of rows) {
      for (const s of scores) {
        lines.push(`| ${s.retriever} | ${lang} | ${s.questions} | ${pct(s.recallAt1)} | ${pct(s.top1)} | ${s.wrong} | ${s.abstainedNonFaq}/${s.nonFaq} | ${pct(s.abstainPrecision)} |`);
      }
    }
    const last = shop.all[shop.all.length - 1];
    lines.push('', `Misses of ${last.retriever}:`, '', ...last.misses.map((m) => `- ${m}`), '');
  }
  if (r.afqmc) {
    const a = r.afqmc;
    lines.push('## ATEC/AFQMC as a paraphrase classifier', '');
    lines.push(`Similarity ≥ threshold means "same meaning"; threshold chosen for accuracy on a slice of train (${a.trainPairs} pairs), scored on dev (${a.devPairs} pairs, ${pct(a.devPositiveRate)} positive: always "different" scores ${pct(1 - a.devPositiveRate)}).`, '');
    lines.push('| model | threshold | dev accuracy | dev F1 (same) |', '|---|---|---|---|');
    for (const m of a.models) lines.push(`| ${m.model} | ${m.threshold} | ${pct(m.devAccuracy)} | ${m.devF1.toFixed(3)} |`);
    lines.push('');
  }
  return lines.join('\n');
}

export function writeFaqReport(r: FaqBenchReport, md: string): { md: string; json: string; text: string } {
  const text = formatFaqReport(r);
  fs.mkdirSync(path.dirname(md), { recursive: true });
  fs.writeFileSync(md, text + '\n');
  const json = md.replace(/\.md$/, '.json');
  fs.writeFileSync(json, JSON.stringify(r, null, 2) + '\n');
  return { md, json, text };
}

if (require.main === module) {
  const r = writeFaqReport(runFaqBench(), path.join(REPO_ROOT, 'test', 'reports', 'bench-faq.md'));
  process.stdout.write(`${r.text}\nwritten ${r.md}\n`);
}
