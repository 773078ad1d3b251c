/**
 * @module nlp/sentiment/analyze-sentiment
 * The function the bot and the console call: sentiment and anger of one shopper message with
 * kefu's shipped models (Chinese: `models/sentiment-zh.json`; English: AFINN-165 + negation).
 */
import type { Locale } from '../../core/shop';
import type { NluToken } from '../token-types';
import { englishLexiconScorer, SentimentAnalyzer } from './sentiment-analyzer';
import { shippedSentimentModel } from './shipped-sentiment-model';
import type { SentimentResult } from './sentiment-types';

let analyzer: SentimentAnalyzer | undefined;

/** The analyzer of the shipped models, built on first use. */
export function shippedSentimentAnalyzer(): SentimentAnalyzer {
  if (!analyzer) {
    const zh = shippedSentimentModel();
    analyzer = new SentimentAnalyzer({ zh: (tokens) => zh.score(tokens), en: englishLexiconScorer });
  }
  return analyzer;
}

/**
 * Sentiment (`label`, `score` in [−1, 1]) and anger (0…1, angry from `ANGER_THRESHOLD`) of a
 * message. Never throws on input: empty or unreadable text is `{label: 'neutral', score: 0, anger: 0}`.
 * @example analyzeSentiment('质量很好，物流也快') // {label: 'positive', score: 0.9…, anger: 0}
 * @example analyzeSentiment('This is a SCAM, I want my money back!!!', 'en').anger // ≥ 0.5
 */
export function analyzeSentiment(text: string, locale?: Locale): SentimentResult {
  return shippedSentimentAnalyzer().analyze(text, locale);
}

/** `analyzeSentiment` on the tokens the intent recogniser already made (`tokenize(text)`). */
export function analyzeSentimentTokens(text: string, tokens: readonly NluToken[], locale?: Locale): SentimentResult {
  return shippedSentimentAnalyzer().analyzeTokens(text, tokens, locale);
}
