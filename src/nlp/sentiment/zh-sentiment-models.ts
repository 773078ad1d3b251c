/**
 * @module nlp/sentiment/zh-sentiment-models
 * The two Chinese models shipped in one file: polarity (positive vs negative, trained on the
 * review sets) and the subjectivity gate (opinion vs neutral shop talk, see
 * `subjectivity-examples.ts`). A message's score is polarity × P(opinion): a review-like
 * complaint keeps its full polarity, "我的订单到哪了" is pulled to neutral.
 */
import type { NluToken } from '../token-types';
import { featureHashes } from '../classifier/feature-hashes';
import { SentimentModel } from './sentiment-model';
import type { SentimentModelJSON } from './sentiment-model';

export const ZH_SENTIMENT_FORMAT = 'kefu-sentiment-zh/1';

export interface ZhSentimentModelsJSON {
  format: typeof ZH_SENTIMENT_FORMAT;
  /** What the file was trained on, when, and how it scored on the dev splits. */
  meta: Record<string, unknown>;
  polarity: SentimentModelJSON;
  subjectivity: SentimentModelJSON;
}

/**
 * Both models' features in one table, so a message's features are hashed once and each is looked
 * up once (the lookups into two large tables were most of the cost of a short message). Laid out
 * for the cache: a feature's hash and index sit side by side in `slots`, and its four numbers side
 * by side in `params`, so a known feature costs two memory reads, not seven.
 */
interface MergedTable {
  /** Open addressing, linear probing: [hash, index + 1] per slot (0: empty). */
  slots: Int32Array;
  mask: number;
  /** Per merged feature i, at 4i: polarity value and weight, subjectivity value and weight (0 where absent). */
  params: Float32Array;
}

/** `HashIndex`'s mix: spreads the high bits of an FNV hash into the low ones. */
const mix = (h: number): number => h ^ (h >>> 16);

function slotOf(table: MergedTable, hash: number): number {
  for (let s = mix(hash) & table.mask; ; s = (s + 1) & table.mask) {
    if (table.slots[2 * s + 1] === 0 || table.slots[2 * s] === hash) return s;
  }
}

function mergeTables(polarity: SentimentModel, subjectivity: SentimentModel): MergedTable {
  const p = polarity.parts();
  const s = subjectivity.parts();
  let size = 16;
  // At most two thirds full.
  while (size * 2 < (p.hashes.length + s.hashes.length) * 3) size *= 2;
  const table: MergedTable = { slots: new Int32Array(2 * size), mask: size - 1, params: new Float32Array(4 * (p.hashes.length + s.hashes.length)) };
  let n = 0;
  const add = (hash: number, offset: number, value: number, weight: number): void => {
    const slot = slotOf(table, hash);
    if (table.slots[2 * slot + 1] === 0) {
      table.slots[2 * slot] = hash;
      table.slots[2 * slot + 1] = ++n;
    }
    const i = (table.slots[2 * slot + 1] as number) - 1;
    table.params[4 * i + offset] = value;
    table.params[4 * i + offset + 1] = weight;
  };
  for (let i = 0; i < p.hashes.length; i++) add(p.hashes[i] as number, 0, p.values[i] as number, p.weights[i] as number);
  for (let i = 0; i < s.hashes.length; i++) add(s.hashes[i] as number, 2, s.values[i] as number, s.weights[i] as number);
  table.params = table.params.slice(0, 4 * n);
  return table;
}

/** The distinct hashes of one message, in order of first appearance (a small reused set; messages have tens). */
class DistinctHashes {
  private keys = new Int32Array(256);
  private stamps = new Int32Array(256);
  private stamp = 0;

  /** Keeps the first occurrence of each hash in `hashes`, in order. */
  dedupe(hashes: number[]): void {
    if (hashes.length * 2 > this.keys.length) {
      let size = this.keys.length;
      while (hashes.length * 2 > size) size *= 2;
      this.keys = new Int32Array(size);
      this.stamps = new Int32Array(size);
      this.stamp = 0;
    }
    if (++this.stamp === 0x7fffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
    const mask = this.keys.length - 1;
    let kept = 0;
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k] as number;
      let s = mix(h) & mask;
      while (this.stamps[s] === this.stamp && this.keys[s] !== h) s = (s + 1) & mask;
      if (this.stamps[s] === this.stamp) continue;
      this.stamps[s] = this.stamp;
      this.keys[s] = h;
      hashes[kept++] = h;
    }
    hashes.length = kept;
  }
}

export class ZhSentimentModels {
  /** Present when both models read the same features. */
  private readonly merged: MergedTable | undefined;
  private readonly hashes: number[] = [];
  private readonly distinct = new DistinctHashes();
  private readonly biases: { polarity: number; subjectivity: number };

  constructor(
    readonly polarity: SentimentModel,
    readonly subjectivity: SentimentModel,
    readonly meta: Record<string, unknown> = {},
  ) {
    const same = JSON.stringify(polarity.features) === JSON.stringify(subjectivity.features);
    this.merged = same ? mergeTables(polarity, subjectivity) : undefined;
    this.biases = { polarity: polarity.parts().bias, subjectivity: subjectivity.parts().bias };
  }

  /** 2·P(positive) − 1 of the polarity model alone; 0 when it knows no feature. */
  polarityScore(tokens: readonly NluToken[]): number {
    const logit = this.polarity.logit(tokens);
    return logit === null ? 0 : Math.tanh(logit / 2);
  }

  /** P(opinion); 0 when the gate knows no feature of the message. */
  opinion(tokens: readonly NluToken[]): number {
    const logit = this.subjectivity.logit(tokens);
    return logit === null ? 0 : 1 / (1 + Math.exp(-logit));
  }

  /** polarity × P(opinion), in [−1, 1]. */
  score(tokens: readonly NluToken[]): number {
    const t = this.merged;
    if (!t) {
      const polarity = this.polarityScore(tokens);
      return polarity === 0 ? 0 : polarity * this.opinion(tokens);
    }
    const hashes = this.hashes;
    hashes.length = 0;
    featureHashes(tokens, this.polarity.features, hashes);
    // Each distinct feature once (binary term frequency), in order: the same sums as
    // `SentimentModel.logitOfHashes` for each model, in the same order.
    this.distinct.dedupe(hashes);
    let pDot = 0;
    let pSquares = 0;
    let sDot = 0;
    let sSquares = 0;
    const { slots, params } = t;
    for (let k = 0; k < hashes.length; k++) {
      const slot = slotOf(t, hashes[k] as number);
      const at = slots[2 * slot + 1] as number;
      if (at === 0) continue;
      const i = 4 * (at - 1);
      const pv = params[i] as number;
      const sv = params[i + 2] as number;
      pDot += pv * (params[i + 1] as number);
      pSquares += pv * pv;
      sDot += sv * (params[i + 3] as number);
      sSquares += sv * sv;
    }
    if (pSquares === 0 || sSquares === 0) return 0;
    const p = this.biases.polarity + pDot / Math.sqrt(pSquares);
    const s = this.biases.subjectivity + sDot / Math.sqrt(sSquares);
    return Math.tanh(p / 2) / (1 + Math.exp(-s));
  }

  toJSON(): ZhSentimentModelsJSON {
    return { format: ZH_SENTIMENT_FORMAT, meta: this.meta, polarity: this.polarity.toJSON(), subjectivity: this.subjectivity.toJSON() };
  }

  static fromJSON(json: ZhSentimentModelsJSON): ZhSentimentModels {
    if (json?.format !== ZH_SENTIMENT_FORMAT) throw new Error(`not a kefu Chinese sentiment file (format ${JSON.stringify(json?.format)})`);
    return new ZhSentimentModels(SentimentModel.fromJSON(json.polarity), SentimentModel.fromJSON(json.subjectivity), json.meta ?? {});
  }
}
