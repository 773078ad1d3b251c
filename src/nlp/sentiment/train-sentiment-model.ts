/**
 * @module nlp/sentiment/train-sentiment-model
 * Trains the Chinese sentiment model: NBSVM-style logistic regression (Wang & Manning 2012,
 * "Baselines and Bigrams"). Each feature (the intent classifier's hashed jieba words, word
 * bigrams and Han character 1–3-grams) present in a review gets the value r_i = log-count ratio
 * log((p_i/|p|₁)/(q_i/|q|₁)) of its document counts in positive (p) and negative (q) reviews
 * (plus α), the vector is L2-normalised, and the project's logistic regression learns weights on
 * top. Features seen in fewer than `minDf` reviews are dropped before training, and after
 * training only the `maxFeatures` with the largest |r_i·w_i| are kept (a few MB shipped).
 *
 * Measured 2026-12-07 (sentiment2) on the dev splits, accuracy % chnsenticorp full (1,200) /
 * its rows in no raw train split (226) | online-shopping-10cats full (6,208) / in no raw train
 * split (5,440) | fewclue-eprstmt (160, one review 0.6 points). Each row one change from the
 * second (/tmp harness on the same features, weights not quantised; "dedup" = train reviews that
 * are dev texts of any set, or repeats, dropped: 60,040 → 50,530 reviews, see
 * `sentiment-training-set.ts`; with it every dev row is unseen, so the full dev is honest):
 * - α 0.5, 250k features, all three train splits as read (before):   97.00 / 90.71 | 94.57 / 93.93 | 85.63
 * - dedup (the default):                                               89.25 / 90.71 | 93.40 / 94.23 | 85.63
 * - dedup, Han 1–4-grams:                                              89.17 / 90.71 | 93.27 / 94.10 | 86.25
 * - dedup, Han 1–5-grams:                                              89.25 / 90.27 | 93.25 / 94.08 | 86.25
 * - dedup, L2 3e-7:                                                    89.08 / 90.71 | 93.40 / 94.17 | 85.63
 * - dedup, negation features (不/没/别… + each of the next two words): 89.50 / 90.71 | 93.49 / 94.32 | 85.00
 * - dedup, features of the clause after the last 但是/不过/可是/却…:     89.58 / 90.71 | 93.40 / 94.17 | 85.63
 * - dedup, negation + after-turn features:                             89.58 / 91.15 | 93.43 / 94.19 | 85.63
 * - dedup, chnsenticorp and the 酒店/书籍/计算机/平板 reviews twice:   89.00 / 92.04 | 93.36 / 94.10 | 85.00
 * - dedup, those three times:                                          88.33 / 90.27 | 93.14 / 93.97 | 85.63
 * - dedup, twice, negation + after-turn features:                      88.33 / 90.27 | 93.20 / 94.01 | 86.88
 * - dedup, 450k features (about 6 MB with the gate):                   89.58 / 91.15 | 93.41 / 94.23 | 85.63
 * The full chnsenticorp dev fell from 97.0 to 89.3 with dedup: 974 of its 1,200 reviews were in
 * the training data, so 97.0 was memory; 89.3 is what the model does on hotel, laptop and book
 * reviews it has not seen. Every other change moved a set by a few reviews, within its noise (the
 * 226 rows: one review is 0.44 points), and none gained on all sets, so the default stays the
 * simplest. Earlier figures (before dedup, measured on leaked rows): plain logistic regression
 * 96.75 vs NB-weighted 97.08 on chnsenticorp and 94.25 vs 94.51 on online-shopping-10cats.
 */
import type { NluToken } from '../token-types';
import type { FeatureOptions } from '../classifier/features';
import { featureHashes } from '../classifier/feature-hashes';
import { LogisticRegression } from '../classifier/logistic-regression';
import type { LabelledVector } from '../classifier/naive-bayes';
import { tokenize } from '../tokenizer';
import { SentimentModel } from './sentiment-model';
import type { SentimentModelMeta } from './sentiment-model';

export interface SentimentTrainOptions {
  /** @default the intent features without the rare-word feature: Han 1–3-grams, Latin 3–4-grams, word bigrams */
  features: FeatureOptions;
  /** `nb`: each feature's value is its log-count ratio; `binary`: 1 (plain logistic regression). @default 'nb' */
  weighting: 'nb' | 'binary';
  /** Features in fewer reviews than this are dropped. @default 2 */
  minDf: number;
  /** Smoothing of the log-count ratios. @default 0.5 */
  alpha: number;
  /** L2 strength per example of the logistic regression. @default 1e-6 */
  l2: number;
  /** Passes of the logistic regression. @default 10 */
  epochs: number;
  /** Features kept after training, by |value × weight|. @default 250000 (about 2.7 MB of JSON) */
  maxFeatures: number;
}

export const DEFAULT_SENTIMENT_TRAIN_OPTIONS: SentimentTrainOptions = {
  features: { hanChars: [1, 3], latinChars: [3, 4], bigrams: true, rare: 0 },
  weighting: 'nb',
  minDf: 2,
  alpha: 0.5,
  l2: 1e-6,
  epochs: 10,
  maxFeatures: 250_000,
};

/** The distinct feature hashes of a text. */
function distinctHashes(tokens: readonly NluToken[], features: FeatureOptions): Int32Array {
  return Int32Array.from(new Set(featureHashes(tokens, features)));
}

/**
 * @param examples texts with one of two labels
 * @param meta what to record in the model (data sets, dev accuracy…); `trainedAt` and `trainSeconds` are filled in
 * @param positive the label whose log-odds the model scores (the other label is the negative class)
 * @example const model = trainSentimentModel(readSentimentDataset(root, 'chnsenticorp', 'train'));
 */
export function trainSentimentModel(
  examples: readonly { text: string; label: string }[],
  options: Partial<SentimentTrainOptions> = {},
  meta: Partial<SentimentModelMeta> = {},
  positive = 'positive',
): SentimentModel {
  const started = Date.now();
  const opts = { ...DEFAULT_SENTIMENT_TRAIN_OPTIONS, ...options };
  const docs = examples.map((e) => distinctHashes(tokenize(e.text), opts.features));
  // Document counts per class.
  const pos = new Map<number, number>();
  const neg = new Map<number, number>();
  examples.forEach((e, d) => {
    const counts = e.label === positive ? pos : neg;
    for (const h of docs[d] as Int32Array) counts.set(h, (counts.get(h) ?? 0) + 1);
  });
  const all = new Set([...pos.keys(), ...neg.keys()]);
  const kept = [...all].filter((h) => (pos.get(h) ?? 0) + (neg.get(h) ?? 0) >= opts.minDf).sort((a, b) => a - b);
  const at = new Map(kept.map((h, i) => [h, i]));
  let pSum = 0;
  let qSum = 0;
  for (const h of kept) {
    pSum += opts.alpha + (pos.get(h) ?? 0);
    qSum += opts.alpha + (neg.get(h) ?? 0);
  }
  const values = Float64Array.from(kept, (h) =>
    opts.weighting === 'nb' ? Math.log((opts.alpha + (pos.get(h) ?? 0)) / pSum) - Math.log((opts.alpha + (neg.get(h) ?? 0)) / qSum) : 1,
  );
  const labelled: LabelledVector[] = examples.map((e, d) => {
    const indices: number[] = [];
    const xs: number[] = [];
    let squares = 0;
    for (const h of docs[d] as Int32Array) {
      const i = at.get(h);
      if (i === undefined) continue;
      const x = values[i] as number;
      indices.push(i);
      xs.push(x);
      squares += x * x;
    }
    const inv = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    return { vector: { indices, values: xs.map((x) => x * inv) }, label: e.label === positive ? 'positive' : 'negative' };
  });
  const lr = LogisticRegression.train(labelled, kept.length, { epochs: opts.epochs, l2: opts.l2, prune: 0 }).toJSON();
  // Two classes: the positive row minus the negative row is the binary weight vector (one class
  // alone, as in a tiny `kefu eval --train` file, leaves only the bias).
  const sign = (c: number): number => (lr.labels[c] === 'positive' ? 1 : -1);
  const weights = new Float64Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    for (let k = lr.rows[i] as number; k < (lr.rows[i + 1] as number); k++) weights[i] = (weights[i] as number) + sign(lr.classes[k] as number) * (lr.values[k] as number);
  }
  const bias = lr.bias.reduce((s, b, c) => s + sign(c) * b, 0);
  // Keep the strongest features.
  const order = kept.map((_, i) => i).filter((i) => (weights[i] as number) !== 0 && (values[i] as number) !== 0);
  order.sort((a, b) => Math.abs((values[b] as number) * (weights[b] as number)) - Math.abs((values[a] as number) * (weights[a] as number)));
  const keep = order.slice(0, opts.maxFeatures).sort((a, b) => a - b);
  return SentimentModel.create(
    {
      trainedAt: new Date().toISOString(),
      trainingSets: [],
      devAccuracy: {},
      ...meta,
      trainSeconds: Math.round((Date.now() - started) / 100) / 10,
      options: { weighting: opts.weighting, minDf: opts.minDf, alpha: opts.alpha, l2: opts.l2, epochs: opts.epochs, maxFeatures: opts.maxFeatures },
    },
    opts.features,
    bias,
    Int32Array.from(keep, (i) => kept[i] as number),
    Float64Array.from(keep, (i) => values[i] as number),
    Float64Array.from(keep, (i) => weights[i] as number),
  );
}
