/**
 * @module nlp/sentiment/sentiment-training-set
 * The reviews the Chinese polarity model trains on, made honest: the three review sets overlap
 * (most chnsenticorp dev reviews are also in online-shopping-10cats' train split, and each train
 * split repeats reviews), so a train review whose text is a dev review of any set, or repeats an
 * earlier train review, is dropped. Then every dev review is unseen and the dev accuracy measures
 * generalisation, and no review counts twice. Texts are compared without whitespace.
 */
import type { SentimentExample } from './sentiment-types';
import { readSentimentDataset, SENTIMENT_DATASETS } from './sentiment-datasets';
import type { SentimentDatasetName } from './sentiment-datasets';

/** A text as compared for overlap: whitespace removed, so re-spaced copies count as the same review. */
export const overlapKey = (text: string): string => text.replace(/\s+/g, '');

export interface SentimentTrainingSet {
  examples: SentimentExample[];
  /** Per data set: train reviews read, and kept after dropping dev texts and repeats. */
  sets: { name: SentimentDatasetName; split: 'train'; n: number; read: number }[];
}

/**
 * @param root the data sets folder (`defaultDatasetsRoot`)
 * @example sentimentTrainingSet('../shared/datasets').examples.length // about 50,500 of 60,040
 */
export function sentimentTrainingSet(root: string): SentimentTrainingSet {
  const dev = new Set(SENTIMENT_DATASETS.flatMap((name) => readSentimentDataset(root, name, 'dev').map((e) => overlapKey(e.text))));
  const seen = new Set<string>();
  const examples: SentimentExample[] = [];
  const sets = SENTIMENT_DATASETS.map((name) => {
    const read = readSentimentDataset(root, name, 'train');
    const kept = read.filter((e) => {
      const key = overlapKey(e.text);
      if (dev.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    examples.push(...kept);
    return { name, split: 'train' as const, n: kept.length, read: read.length };
  });
  return { examples, sets };
}
