/**
 * @module nlp/sentiment/sentiment-analyzer
 * Per-message sentiment and anger, zh and en. The polarity comes from a scorer chosen by locale
 * (by lookup, not by `if`): Chinese from the trained model (`sentiment-model.ts`), English from
 * the AFINN lexicon with negation and intensifiers (`lexicon-sentiment-en.ts`). Anger is scored
 * the same way in both (`anger-score.ts`), from the polarity, anger words of both languages and
 * shouting. Any string (empty, zero-width, emoji only, lone surrogates, very long) gets an answer;
 * nothing here throws on input.
 */
import type { Locale } from '../../core/shop';
import { detectLocale } from '../lang/detect-locale';
import { normalizeText } from '../normalize';
import { tokenize } from '../tokenizer';
import type { NluToken } from '../token-types';
import { angerScore } from './anger-score';
import { scoreEnglishWords } from './lexicon-sentiment-en';
import type { SentimentModel } from './sentiment-model';
import type { SentimentLabel, SentimentResult, TokenSentimentScorer } from './sentiment-types';

/** |score| below this is `neutral`: P(positive) between 0.35 and 0.65 for the Chinese model. */
export const NEUTRAL_BAND = 0.3;

/** Only the first this many UTF-16 units of a message are read: the cost of one message stays bounded. */
export const MAX_SENTIMENT_CHARS = 4000;

/** Polarity in [−1, 1] of a tokenised message (`norm`: its normalised text, when at hand). */
export type PolarityScorer = (tokens: readonly NluToken[], norm?: string) => number;

/** A trained model as a scorer: 2·P(positive) − 1 (= tanh(logit / 2)); 0 when it knows no feature of the message. */
export function modelScorer(model: SentimentModel): PolarityScorer {
  return (tokens) => {
    const logit = model.logit(tokens);
    return logit === null ? 0 : Math.tanh(logit / 2);
  };
}

/**
 * The English words of the tokens, lower-case as typed (not stemmed: the lexicons list inflected
 * forms): their span of the normalised text, which is `normalizeText` of each (it maps code unit
 * to code unit).
 */
function englishWords(tokens: readonly NluToken[], norm?: string): string[] {
  const words: string[] = [];
  for (const t of tokens) if (t.kind === 'word') words.push(norm === undefined ? normalizeText(t.text) : norm.slice(t.start, t.end));
  return words;
}

/** The lexicon scorer for English. */
export const englishLexiconScorer: PolarityScorer = (tokens, norm) => scoreEnglishWords(englishWords(tokens, norm));

const NEUTRAL: SentimentResult = Object.freeze({ label: 'neutral', score: 0, anger: 0 }) as SentimentResult;

const round = (x: number): number => Math.round(x * 1000) / 1000;

function labelOf(score: number): SentimentLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

export class SentimentAnalyzer {
  /** @param scorers the polarity scorer of each locale */
  constructor(private readonly scorers: Readonly<Record<Locale, PolarityScorer>>) {}

  /**
   * Sentiment and anger of one message; `locale` defaults to the detected one.
   * @example analyzer.analyze('气死我了，骗子！！') // {label: 'negative', score: -0.98, anger: 1}
   */
  analyze(text: unknown, locale?: Locale): SentimentResult {
    if (typeof text !== 'string') return NEUTRAL;
    const bounded = text.length > MAX_SENTIMENT_CHARS ? text.slice(0, MAX_SENTIMENT_CHARS) : text;
    return this.analyzeTokens(bounded, tokenize(bounded), locale);
  }

  /**
   * The unrounded polarity of a message, for scoring against binary labels (≥ 0 reads as
   * positive: `analyze` rounds, and a faint lean would round to 0).
   */
  polarity(text: unknown, locale?: Locale): number {
    if (typeof text !== 'string') return 0;
    const bounded = text.length > MAX_SENTIMENT_CHARS ? text.slice(0, MAX_SENTIMENT_CHARS) : text;
    const tokens = tokenize(bounded);
    if (tokens.length === 0) return 0;
    const raw = (this.scorers[locale ?? detectLocale(bounded)] ?? this.scorers.zh)(tokens);
    return Number.isFinite(raw) ? raw : 0;
  }

  /**
   * `analyze` on tokens already made by `tokenize(text)` (the intent recogniser's), so the chat
   * path tokenises a message once.
   * @param norm `normalizeText(text)`, when the caller has it (`tokenizeText`)
   */
  analyzeTokens(text: string, tokens: readonly NluToken[], locale?: Locale, norm = normalizeText(text)): SentimentResult {
    if (tokens.length === 0) return NEUTRAL;
    const scorer = this.scorers[locale ?? detectLocale(text)] ?? this.scorers.zh;
    const raw = scorer(tokens, norm);
    const score = Number.isFinite(raw) ? round(Math.max(-1, Math.min(1, raw))) : 0;
    return { label: labelOf(score), score, anger: angerScore(text, norm, englishWords(tokens, norm), score) };
  }

  /**
   * For the intent recogniser (`NluEngine.scoreSentimentWith`): the same answer as `analyze`, from
   * the tokens and normalised text it read the message into. A message longer than
   * `MAX_SENTIMENT_CHARS` is read again up to that length, as `analyze` reads it.
   * @example engine.scoreSentimentWith(shippedSentimentAnalyzer().scoreTokenized)
   */
  readonly scoreTokenized: TokenSentimentScorer = (text, tokens, locale, norm) =>
    text.length > MAX_SENTIMENT_CHARS ? this.analyze(text, locale) : this.analyzeTokens(text, tokens, locale, norm);
}
