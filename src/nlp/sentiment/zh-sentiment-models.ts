/**
 * @module nlp/sentiment/zh-sentiment-models
 * The two Chinese models shipped in one file: polarity (positive vs negative, trained on the
 * review sets) and the subjectivity gate (opinion vs neutral shop talk, see
 * `subjectivity-examples.ts`). A message's score is polarity × P(opinion): a review-like
 * complaint keeps its full polarity, "我的订单到哪了" is pulled to neutral.
 */
import type { NluToken } from '../token-types';
import { featureHashes } from '../classifier/feature-hashes';
import { HashIndex } from '../classifier/hash-index';
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
 * up once (the lookups into two large tables were most of the cost of a short message).
 */
interface MergedTable {
  index: HashIndex;
  /** Per merged feature: polarity value and weight, subjectivity value and weight (0 where absent). */
  pv: Float32Array;
  pw: Float32Array;
  sv: Float32Array;
  sw: Float32Array;
  seenAt: Int32Array;
}

function mergeTables(polarity: SentimentModel, subjectivity: SentimentModel): MergedTable {
  const p = polarity.parts();
  const s = subjectivity.parts();
  const hashes = [...new Set([...p.hashes, ...s.hashes])];
  const at = new Map(hashes.map((h, i) => [h, i]));
  const table = {
    index: new HashIndex(hashes),
    pv: new Float32Array(hashes.length),
    pw: new Float32Array(hashes.length),
    sv: new Float32Array(hashes.length),
    sw: new Float32Array(hashes.length),
    seenAt: new Int32Array(hashes.length),
  };
  p.hashes.forEach((h, i) => {
    const k = at.get(h) as number;
    table.pv[k] = p.values[i] as number;
    table.pw[k] = p.weights[i] as number;
  });
  s.hashes.forEach((h, i) => {
    const k = at.get(h) as number;
    table.sv[k] = s.values[i] as number;
    table.sw[k] = s.weights[i] as number;
  });
  return table;
}

export class ZhSentimentModels {
  /** Present when both models read the same features. */
  private readonly merged: MergedTable | undefined;
  private readonly hashes: number[] = [];
  private stamp = 0;
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
    if (++this.stamp === 0x7fffffff) {
      t.seenAt.fill(0);
      this.stamp = 1;
    }
    // The same sums as `SentimentModel.logitOfHashes` for each model, in the same order.
    let pDot = 0;
    let pSquares = 0;
    let sDot = 0;
    let sSquares = 0;
    for (let k = 0; k < hashes.length; k++) {
      const i = t.index.get(hashes[k] as number);
      if (i < 0 || t.seenAt[i] === this.stamp) continue;
      t.seenAt[i] = this.stamp;
      const pv = t.pv[i] as number;
      const sv = t.sv[i] as number;
      pDot += pv * (t.pw[i] as number);
      pSquares += pv * pv;
      sDot += sv * (t.sw[i] as number);
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
