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

export class ZhSentimentModels {
  /** Whether both models read the same features (then a message is hashed once for both). */
  private readonly sameFeatures: boolean;
  private readonly hashes: number[] = [];

  constructor(
    readonly polarity: SentimentModel,
    readonly subjectivity: SentimentModel,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.sameFeatures = JSON.stringify(polarity.features) === JSON.stringify(subjectivity.features);
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
    if (!this.sameFeatures) {
      const polarity = this.polarityScore(tokens);
      return polarity === 0 ? 0 : polarity * this.opinion(tokens);
    }
    const hashes = this.hashes;
    hashes.length = 0;
    featureHashes(tokens, this.polarity.features, hashes);
    const p = this.polarity.logitOfHashes(hashes);
    const s = this.subjectivity.logitOfHashes(hashes);
    return p === null || s === null ? 0 : Math.tanh(p / 2) / (1 + Math.exp(-s));
  }

  toJSON(): ZhSentimentModelsJSON {
    return { format: ZH_SENTIMENT_FORMAT, meta: this.meta, polarity: this.polarity.toJSON(), subjectivity: this.subjectivity.toJSON() };
  }

  static fromJSON(json: ZhSentimentModelsJSON): ZhSentimentModels {
    if (json?.format !== ZH_SENTIMENT_FORMAT) throw new Error(`not a kefu Chinese sentiment file (format ${JSON.stringify(json?.format)})`);
    return new ZhSentimentModels(SentimentModel.fromJSON(json.polarity), SentimentModel.fromJSON(json.subjectivity), json.meta ?? {});
  }
}
