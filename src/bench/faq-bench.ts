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
import type { Faq, Locale, Product } from '../core/shop';
import { KefuTextAnalyzer } from '../nlp/analyzer';
import { buildShopLexicon, loadIntentCorpus, NluEngine } from '../nlp';
import { defaultDatasetsRoot } from '../nlp/sentiment/sentiment-datasets';
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

/** Whether a confident FAQ match should overrule the classifier's `complaint` or `oos`. */
export interface OverrideResult {
  /** The demo shop's paraphrases by the intent the classifier gives them. */
  paraphraseIntents: Record<string, number>;
  /** complaint/oos examples of the intent corpus (train and tests) the FAQ was asked */
  negatives: { complaint: number; oos: number };
  rows: {
    confidence: number;
    /** paraphrases the classifier calls complaint/oos that the FAQ answers right at this confidence */
    rescued: number;
    /** corpus complaints the FAQ would answer instead of the empathy/handoff */
    capturedComplaints: number;
    capturedOos: number;
    examples: string[];
  }[];
}

export interface FaqBenchReport {
  bench: 'faq';
  date: string;
  node: string;
  protocol: string;
  shops: ShopResult[];
  afqmc: PairClassifierResult | null;
  override: OverrideResult;
  totalMs: number;
}

/**
 * The retrievers compared: the old BM25 alone (its shipped threshold), today's default without the
 * associations learned from ATEC (synonyms and characters only), and today's default (last).
 */
export const RETRIEVERS: Record<string, FaqRetrieverOptions> = {
  'BM25 only': { semanticWeight: 0, threshold: 0.2 },
  'BM25 + semantic, no learned associations': { associations: null },
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

/** Trains the shipped intent classifier on `intents/` and measures the override at a few confidences. */
export function benchOverride(set: ParaphraseSet, analyzer: TextAnalyzer): OverrideResult {
  const products = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, set.shop, 'products.json'), 'utf8')) as Product[];
  const faqs = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, set.shop, 'faq.json'), 'utf8')) as Faq[];
  const corpus = loadIntentCorpus(path.join(REPO_ROOT, 'intents'));
  const engine = NluEngine.train(corpus.train, buildShopLexicon(products));
  const retriever = new FaqRetriever(faqs, analyzer);
  const paraphraseIntents: Record<string, number> = {};
  const overruled: { confidence: number; right: boolean }[] = [];
  for (const p of set.paraphrases) {
    for (const locale of ['zh', 'en'] as const) {
      for (const q of p[locale]) {
        const intent = engine.recognizeSync(q, locale).topIntent.name;
        paraphraseIntents[intent] = (paraphraseIntents[intent] ?? 0) + 1;
        if (intent !== 'complaint' && intent !== 'oos') continue;
        const hit = retriever.search(q, locale, { limit: 1 })[0];
        if (hit) overruled.push({ confidence: hit.confidence, right: hit.faq.id === p.faqId });
      }
    }
  }
  const negatives = [...corpus.train, ...corpus.tests]
    .filter((e) => e.intent === 'complaint' || e.intent === 'oos')
    .map((e) => ({ intent: e.intent, text: e.text, hit: retriever.search(e.text, e.locale, { limit: 1 })[0] }));
  const rows = [0.5, 0.6, 0.7, 0.8, 0.9].map((confidence) => {
    const captured = negatives.filter((n) => n.hit && n.hit.confidence >= confidence);
    return {
      confidence,
      rescued: overruled.filter((o) => o.right && o.confidence >= confidence).length,
      capturedComplaints: captured.filter((n) => n.intent === 'complaint').length,
      capturedOos: captured.filter((n) => n.intent === 'oos').length,
      examples: captured.slice(0, 3).map((n) => `${n.intent}: ${n.text} → ${n.hit!.faq.id} ${n.hit!.confidence.toFixed(2)}`),
    };
  });
  return {
    paraphraseIntents,
    negatives: { complaint: negatives.filter((n) => n.intent === 'complaint').length, oos: negatives.filter((n) => n.intent === 'oos').length },
    rows,
  };
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
  const datasets = options.datasetsDir === undefined ? defaultDatasetsRoot(REPO_ROOT) : options.datasetsDir;
  const afqmc = datasets ? benchAfqmc(path.join(datasets, 'atec-afqmc')) : null;
  const override = benchOverride(readParaphrases(path.join(fixtures, 'demo-shop.json')), analyzer);
  return { bench: 'faq', date: new Date().toISOString(), node: process.version, protocol: PROTOCOL, shops, afqmc, override, totalMs: Date.now() - started };
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
  const o = r.override;
  lines.push('## Should a confident FAQ match overrule `complaint` or `oos`?', '');
  lines.push(`The demo shop's ${Object.values(o.paraphraseIntents).reduce((a, b) => a + b, 0)} paraphrases by the classifier's intent: ${Object.entries(o.paraphraseIntents).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
  lines.push(`Against them, the intent corpus's ${o.negatives.complaint} complaint and ${o.negatives.oos} out-of-scope examples asked of the same FAQ:`, '');
  lines.push('| FAQ confidence ≥ | paraphrases rescued | complaints that would lose empathy/handoff | out-of-scope questions answered from the FAQ | e.g. |', '|---|---|---|---|---|');
  for (const row of o.rows) lines.push(`| ${row.confidence} | ${row.rescued} | ${row.capturedComplaints} | ${row.capturedOos} | ${row.examples.join('; ')} |`);
  lines.push('');
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
