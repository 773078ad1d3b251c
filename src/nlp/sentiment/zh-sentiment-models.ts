/**
 * @module nlp/sentiment/zh-sentiment-models
 * The two Chinese models shipped in one file: polarity (positive vs negative, trained on the
 * review sets) and the subjectivity gate (opinion vs neutral shop talk, see
 * `subjectivity-examples.ts`). A message's score is polarity × P(opinion): a review-like
 * complaint keeps its full polarity, "我的订单到哪了" is pulled to neutral.
 */
import type { NluToken } from '../token-types';
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
  constructor(
    readonly polarity: SentimentModel,
    readonly subjectivity: SentimentModel,
    readonly meta: Record<string, unknown> = {},
  ) {}

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
    const polarity = this.polarityScore(tokens);
    return polarity === 0 ? 0 : polarity * this.opinion(tokens);
  }

  toJSON(): ZhSentimentModelsJSON {
    return { format: ZH_SENTIMENT_FORMAT, meta: this.meta, polarity: this.polarity.toJSON(), subjectivity: this.subjectivity.toJSON() };
  }

  static fromJSON(json: ZhSentimentModelsJSON): ZhSentimentModels {
    if (json?.format !== ZH_SENTIMENT_FORMAT) throw new Error(`not a kefu Chinese sentiment file (format ${JSON.stringify(json?.format)})`);
    return new ZhSentimentModels(SentimentModel.fromJSON(json.polarity), SentimentModel.fromJSON(json.subjectivity), json.meta ?? {});
  }
}
