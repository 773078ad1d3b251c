/**
 * @module nlp/sentiment/sentiment-types
 * What `analyzeSentiment` answers for one message, and the labelled examples the sentiment model
 * is trained and scored on.
 */
import type { Locale } from '../../core/shop';
import type { NluToken } from '../token-types';

/** The polarity of a message. `neutral`: the model leans neither way (most shop questions). */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

/** The labels of sentiment data sets and of `kefu eval --task sentiment`. */
export type PolarLabel = 'positive' | 'negative';

export interface SentimentResult {
  /** `neutral` when |score| < `NEUTRAL_BAND`, else the sign of `score`. */
  label: SentimentLabel;
  /** Polarity in [-1, 1]: 2·P(positive) − 1 for Chinese, a squashed lexicon sum for English. 0 for empty input. */
  score: number;
  /** How angry the message reads, in [0, 1] (see `anger-score.ts`); `ANGER_THRESHOLD` and above is angry. */
  anger: number;
}

/** One labelled text of a sentiment data set. */
export interface SentimentExample {
  text: string;
  label: PolarLabel;
}

/**
 * Scores a message the intent recogniser has already read: its tokens and normalised text
 * (`tokenizeText`), so the chat path tokenises each message once.
 */
export type TokenSentimentScorer = (text: string, tokens: readonly NluToken[], locale: Locale, norm: string) => SentimentResult;
