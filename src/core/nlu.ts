/**
 * @module core/nlu
 * The contract between the NLU and the rest of the bot. A recognition is botbuilder's
 * `RecognizerResult` (text, intents name → score, entities) plus the locale it was read in.
 */
import type { RecognizerResult } from 'botbuilder-core';
import type { Locale } from './shop';

export type EntityType = 'orderId' | 'phone' | 'email' | 'price' | 'category' | 'brand' | 'quantity' | 'model';

/** A price constraint: "3000以内" → {max: 3000}, "500到1000元" → {min: 500, max: 1000}. */
export interface PriceRange {
  min?: number;
  max?: number;
}

/** One entity found in the text. `start`/`end` are offsets into the original (un-normalised) text. */
export interface Entity {
  type: EntityType;
  /** Normalised value: order id upper-cased, phone digits only, category slug, brand as in the catalogue, quantity number. */
  value: string | number | PriceRange;
  text: string;
  start: number;
  end: number;
}

/** A token of the original text: `start`/`end` index into it. */
export interface Token {
  text: string;
  /** Normalised form used for features (lower-cased, stemmed for Latin words). */
  norm: string;
  start: number;
  end: number;
  kind: 'han' | 'word' | 'number' | 'code' | 'punct';
}

/** How a message reads (issue 11): polarity and anger, as `nlp/sentiment` scores it. */
export interface MessageSentiment {
  label: 'positive' | 'negative' | 'neutral';
  /** Polarity in [-1, 1]. */
  score: number;
  /** How angry, in [0, 1]; angry from the analyzer's threshold (`ANGER_THRESHOLD`). */
  anger: number;
}

/** Scores one message's sentiment (synchronous: it runs on every shopper turn). */
export type SentimentScorer = (text: string, locale: Locale) => MessageSentiment;

export interface KefuRecognizerResult extends RecognizerResult {
  locale: Locale;
  intents: Record<string, { score: number }>;
  entities: Entity[];
  /** The winning intent after the out-of-scope threshold. */
  topIntent: { name: string; score: number };
  /** The message's sentiment, when the bot scores it (set once per turn by `KefuBot`; absent for postbacks). */
  sentiment?: MessageSentiment;
}

/** Anything that turns text into a recognition. */
export interface Recognizer {
  recognize(text: string, locale?: Locale): Promise<KefuRecognizerResult>;
}

/** Text → index terms, per language (used by FAQ retrieval and product search). */
export interface TextAnalyzer {
  terms(text: string, locale: Locale): string[];
}
