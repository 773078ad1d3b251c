/**
 * @module nlp/embeddings/train-embeddings
 * Trains the shipped word vectors, `models/embeddings-zh.bin` and `models/embeddings-en.bin`
 * (`npm run train:embeddings [-- --lang zh|en] [--epochs N]`), by skip-gram (`skip-gram.ts`) on
 * unlabelled text tokenised exactly as the NLU tokenises (the demo shop's lexicon in jieba):
 * - zh: the review and question texts of `online-shopping-10cats`, `chnsenticorp`,
 *   `fewclue-eprstmt` (unlabeled + train) and `atec-afqmc` (train), and `cais` train;
 * - en: the train-split texts of `clinc150` and `banking77`, plus the demo catalogue's English
 *   titles and descriptions (the public corpora have hardly any shop vocabulary).
 * Only train splits are read, and never the jddc messages: the dev sets score on those. The labels
 * are not read. The files hold the vocabulary and vectors only (see `word-vectors.ts`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPO_ROOT } from '../../config/repo-root';
import type { Product } from '../../core/shop';
import { tokenize } from '../tokenizer';
import { buildShopLexicon } from '../lexicon';
import { applyLexiconToJieba } from '../jieba-user-dict';
import { trainSkipGram, DEFAULT_SKIP_GRAM } from './skip-gram';
import type { SkipGramOptions } from './skip-gram';
import { WordVectors, embeddingUnit, normalize } from './word-vectors';
import { embeddingsFile } from './embeddings-file';
import type { EmbeddingLang } from './embeddings-file';


function lines(file: string): string[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim()) : [];
}

function jsonField(file: string, field: string): string[] {
  return lines(file).map((l) => String((JSON.parse(l) as Record<string, unknown>)[field] ?? ''));
}

/** The unlabelled texts of one language, with where they came from. */
export function corpusTexts(lang: EmbeddingLang, datasets: string): { texts: string[]; sources: Record<string, number> } {
  const sources: Record<string, number> = {};
  const texts: string[] = [];
  const add = (name: string, list: string[]): void => {
    sources[name] = list.length;
    texts.push(...list);
  };
  if (lang === 'zh') {
    // `cat,label,review`: the review is everything after the second comma.
    add('online-shopping-10cats/train.csv', lines(path.join(datasets, 'online-shopping-10cats', 'train.csv')).slice(1).map((l) => l.split(',').slice(2).join(',')));
    add('chnsenticorp/train.txt', lines(path.join(datasets, 'chnsenticorp', 'train.txt')).map((l) => l.split('\t')[0] as string));
    add('fewclue-eprstmt/unlabeled.json', jsonField(path.join(datasets, 'fewclue-eprstmt', 'unlabeled.json'), 'sentence'));
    add('fewclue-eprstmt/train_few_all.json', jsonField(path.join(datasets, 'fewclue-eprstmt', 'train_few_all.json'), 'sentence'));
    add('atec-afqmc/train.tsv', lines(path.join(datasets, 'atec-afqmc', 'train.tsv')).flatMap((l) => l.split('\t').slice(1, 3)));
    add('cais/train.jsonl', jsonField(path.join(datasets, 'cais', 'train.jsonl'), 'text'));
  } else {
    add('clinc150/train.jsonl', jsonField(path.join(datasets, 'clinc150', 'train.jsonl'), 'text'));
    add('banking77/train.jsonl', jsonField(path.join(datasets, 'banking77', 'train.jsonl'), 'text'));
    const products = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'shops', 'demo', 'knowledge', 'products.json'), 'utf8')) as Product[];
    add('shops/demo/knowledge/products.json', products.flatMap((p) => [p.title, p.description ?? ''].map((t) => (typeof t === 'string' ? t : (t.en ?? ''))).filter(Boolean)));
  }
  return { texts: texts.filter((t) => t.trim()), sources };
}

export interface TrainEmbeddingsOptions {
  lang: EmbeddingLang;
  datasets: string;
  /** Words seen fewer times are left out. @default 3 (zh), 1 (en: its corpus is small, and the catalogue's words occur once or twice) */
  minCount?: number;
  /** At most this many words, the most frequent. @default 30,000 */
  maxWords?: number;
  skipGram?: Partial<SkipGramOptions>;
  log?: (message: string) => void;
}

/** SIF weight constant `a` (weights a / (a + p(word))). */
const SIF_A = 1e-3;

export function trainEmbeddings(options: TrainEmbeddingsOptions): WordVectors {
  const log = options.log ?? (() => undefined);
  const products = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'shops', 'demo', 'knowledge', 'products.json'), 'utf8')) as Product[];
  applyLexiconToJieba(buildShopLexicon(products));
  const { texts, sources } = corpusTexts(options.lang, options.datasets);
  const t0 = performance.now();
  const tokenised = texts.map((t) => tokenize(t).flatMap((tok) => {
    const u = embeddingUnit(tok);
    return u === undefined ? [] : [u];
  }));
  log(`${options.lang}: ${texts.length} texts tokenised in ${Math.round(performance.now() - t0)} ms`);
  const freq = new Map<string, number>();
  for (const s of tokenised) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const minCount = options.minCount ?? (options.lang === 'zh' ? 3 : 1);
  const words = [...freq.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.maxWords ?? 30_000)
    .map(([w]) => w);
  const ids = new Map(words.map((w, i) => [w, i]));
  const counts = words.map((w) => freq.get(w) as number);
  const sentences = tokenised.map((s) => Int32Array.from(s.flatMap((w) => (ids.has(w) ? [ids.get(w) as number] : []))));
  const tokens = counts.reduce((a, b) => a + b, 0);
  log(`${options.lang}: ${words.length} words, ${tokens} tokens in vocabulary`);
  const sg = { ...DEFAULT_SKIP_GRAM, ...options.skipGram };
  const t1 = performance.now();
  const input = trainSkipGram(sentences, counts, sg, (e) => log(`${options.lang}: epoch ${e}/${sg.epochs} at ${Math.round((performance.now() - t1) / 1000)} s`));
  const data = new Float64Array(input);
  // Skip-gram vectors share a common direction (frequent words pull every vector towards them):
  // on the English corpus any two words were 0.9+ similar. Centring them (Mu et al. 2018,
  // "all-but-the-top", its first step) leaves what tells words apart.
  const mean = new Float64Array(sg.dim);
  for (let r = 0; r < words.length; r++) normalize(data, r * sg.dim, sg.dim);
  for (let r = 0; r < words.length; r++) for (let k = 0; k < sg.dim; k++) mean[k] = (mean[k] as number) + (data[r * sg.dim + k] as number) / words.length;
  for (let r = 0; r < words.length; r++) for (let k = 0; k < sg.dim; k++) data[r * sg.dim + k] = (data[r * sg.dim + k] as number) - (mean[k] as number);
  for (let r = 0; r < words.length; r++) normalize(data, r * sg.dim, sg.dim);
  return new WordVectors(
    {
      lang: options.lang,
      dim: sg.dim,
      words,
      weights: counts.map((c) => Math.round((SIF_A / (SIF_A + c / tokens)) * 1000) / 1000),
      trainedOn: { method: 'skip-gram with negative sampling', sources, tokens, minCount, ...sg, trainedAt: new Date().toISOString() },
    },
    Float32Array.from(data),
  );
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const langs = (arg('--lang') ? [arg('--lang')] : ['zh', 'en']) as EmbeddingLang[];
  const datasets = process.env.KEFU_DATASETS ?? path.resolve(REPO_ROOT, '..', 'shared', 'datasets');
  const epochs = arg('--epochs');
  for (const lang of langs) {
    const vectors = trainEmbeddings({
      lang,
      datasets,
      // English has a tenth of the text: more passes over it.
      skipGram: { epochs: epochs ? Number(epochs) : lang === 'zh' ? 3 : 10 },
      log: (m) => process.stderr.write(m + '\n'),
    });
    const file = embeddingsFile(lang);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, vectors.toBuffer());
    process.stderr.write(`wrote ${file} (${fs.statSync(file).size} bytes)\n`);
  }
}
