/**
 * @module nlp/sentiment/shipped-sentiment-model
 * The Chinese sentiment models kefu ships (polarity and the subjectivity gate, see
 * `zh-sentiment-models.ts`): `models/sentiment-zh.json` at the repository root,
 * written by `npm run train:sentiment` and committed (no download at run time). Found from this
 * file's folder, which is `src/nlp/sentiment` under ts-jest and `dist/nlp/sentiment` when built:
 * three levels up either way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ZhSentimentModels } from './zh-sentiment-models';
import type { ZhSentimentModelsJSON } from './zh-sentiment-models';

/** Where the shipped model lives. */
export const SHIPPED_SENTIMENT_MODEL = path.resolve(__dirname, '..', '..', '..', 'models', 'sentiment-zh.json');

let shipped: ZhSentimentModels | undefined;

/**
 * The shipped model, read once (about 0.2 s). A missing or damaged file is a packaging error and
 * says how to rebuild it.
 */
export function shippedSentimentModel(): ZhSentimentModels {
  if (!shipped) {
    try {
      shipped = ZhSentimentModels.fromJSON(JSON.parse(fs.readFileSync(SHIPPED_SENTIMENT_MODEL, 'utf8')) as ZhSentimentModelsJSON);
    } catch (err) {
      throw new Error(`cannot read the sentiment model ${SHIPPED_SENTIMENT_MODEL} (${(err as Error).message}); run npm run train:sentiment`, { cause: err });
    }
  }
  return shipped;
}
