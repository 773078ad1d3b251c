/**
 * @module bench/sentiment-bench-systems
 * The systems `bench:sentiment` compares, each answering a polarity for one text (positive when
 * ≥ 0, the same tie rule for all), or saying it does not read the language:
 * - kefu: the shipped models (`models/sentiment-zh.json`; English: AFINN-165 + negation).
 * - natural: `SentimentAnalyzer('English', undefined, 'afinn')` on `WordTokenizer` tokens (AFINN lists
 *   surface forms, so no stemmer). natural has no Chinese vocabulary: not supported.
 * - NLP.js: `@nlpjs/basic` with `LangEn` and `LangZh` (dev dependencies), its container's
 *   `sentiment-analyzer` (English: its senticon lexicon, stemmed). `@nlpjs/lang-zh` registers a
 *   `sentiment-zh` with no dictionary, so every Chinese text scores 0: reported as it comes out.
 */
import natural from 'natural';
import type { Locale } from '../core/shop';
import { shippedSentimentAnalyzer } from '../nlp/sentiment/analyze-sentiment';

export interface SentimentBenchSystem {
  readonly name: string;
  /** Why the system cannot read the locale, or null when it can. */
  unsupported(locale: Locale): string | null;
  /** Polarity of the text: ≥ 0 reads as positive. */
  polarity(text: string, locale: Locale): number | Promise<number>;
}

export const kefuSystem: SentimentBenchSystem = {
  name: 'kefu',
  unsupported: () => null,
  polarity: (text, locale) => shippedSentimentAnalyzer().polarity(text, locale),
};

export function naturalSystem(): SentimentBenchSystem {
  const analyzer = new natural.SentimentAnalyzer('English', undefined, 'afinn');
  const tokenizer = new natural.WordTokenizer();
  return {
    name: 'natural',
    unsupported: (locale) => (locale === 'en' ? null : 'not supported: natural has no Chinese sentiment vocabulary'),
    polarity: (text) => analyzer.getSentiment(tokenizer.tokenize(text)),
  };
}

interface NlpjsSentiment {
  process(input: { locale: string; text: string }): Promise<{ sentiment?: { score?: number } }>;
}

export async function nlpjsSystem(): Promise<SentimentBenchSystem> {
  // Required at run time: dev dependencies, absent from production installs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { dockStart } = require('@nlpjs/basic') as { dockStart: (opts: unknown) => Promise<{ getContainer(): { get(name: string): unknown } }> };
  const dock = await dockStart({
    use: ['Basic', 'LangEn', 'LangZh'],
    settings: { nlp: { languages: ['en', 'zh'], forceNER: false, autoSave: false, autoLoad: false } },
  });
  const analyzer = dock.getContainer().get('sentiment-analyzer') as NlpjsSentiment;
  return {
    name: 'nlp.js',
    unsupported: () => null,
    polarity: async (text, locale) => (await analyzer.process({ locale, text })).sentiment?.score ?? 0,
  };
}
