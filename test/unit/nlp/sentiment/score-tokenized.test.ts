/**
 * The chat path reads a message once: a recognition of an engine given the shipped analyzer's
 * `scoreTokenized` carries the same sentiment `analyzeSentiment` gives the text alone.
 */
import { join } from 'path';
import { NluEngine } from '../../../../src/nlp/nlu-engine';
import { loadIntentCorpus } from '../../../../src/nlp/corpus';
import { buildShopLexicon } from '../../../../src/nlp/lexicon';
import { normalizeText } from '../../../../src/nlp/normalize';
import { tokenizeText, tokenize } from '../../../../src/nlp/tokenizer';
import { analyzeSentiment, shippedSentimentAnalyzer } from '../../../../src/nlp/sentiment';
import type { Product } from '../../../../src/core/shop';
import products from '../../../fixtures/nlp/products.json';

const corpus = loadIntentCorpus(join(__dirname, '../../../fixtures/nlp/intents'));

const MESSAGES = {
  zh: ['我的订单到哪了', '气死我了，骗子！！退钱', '衣服很漂亮，质量也好', 'ＤＤ２０２６１１０１００８怎么还没到？？', '有没有3000以内的索尼耳机'],
  en: ['where is my order', 'This is a SCAM, I want my money back!!!', 'Great quality, fast delivery, I love it', "I don't like the color", 'any sony headphones under $300?'],
};

describe('SentimentAnalyzer.scoreTokenized', () => {
  const engine = NluEngine.train(corpus.train, buildShopLexicon(products as Product[]));

  afterEach(() => engine.scoreSentimentWith(undefined));

  it('should give recognitions no sentiment unless the engine is given a scorer', () => {
    expect(engine.recognizeSync('我的订单到哪了').sentiment).toBeUndefined();
    expect(engine.recognizeSync('where is my order').sentiment).toBeUndefined();
  });

  it('should score the same sentiment on the recogniser\'s reading as analyzeSentiment on the text, in zh and en', () => {
    engine.scoreSentimentWith(shippedSentimentAnalyzer().scoreTokenized);
    for (const locale of ['zh', 'en'] as const) {
      for (const text of MESSAGES[locale]) {
        const r = engine.recognizeSync(text);
        expect(r.locale).toBe(locale);
        expect({ text, sentiment: r.sentiment }).toEqual({ text, sentiment: analyzeSentiment(text, locale) });
      }
    }
    // Angry stays angry on the shared reading (the bot's empathy and queue order depend on it).
    expect(engine.recognizeSync('气死我了，骗子！！退钱').sentiment?.anger).toBeGreaterThanOrEqual(0.5);
    expect(engine.recognizeSync('This is a SCAM, I want my money back!!!').sentiment?.anger).toBeGreaterThanOrEqual(0.5);
  });

  it('should read a message longer than the sentiment limit as analyzeSentiment does, and empty text as neutral', () => {
    engine.scoreSentimentWith(shippedSentimentAnalyzer().scoreTokenized);
    const long = { zh: '太差了'.repeat(1000) + '非常满意'.repeat(500), en: 'awful '.repeat(700) + 'great '.repeat(400) };
    for (const locale of ['zh', 'en'] as const) {
      expect(engine.recognizeSync(long[locale], locale).sentiment).toEqual(analyzeSentiment(long[locale], locale));
    }
    expect(engine.recognizeSync('').sentiment).toEqual({ label: 'neutral', score: 0, anger: 0 });
  });
});

describe('tokenizeText', () => {
  it('should give tokenize\'s tokens and the normalised text, in zh and en', () => {
    for (const text of [...MESSAGES.zh, ...MESSAGES.en]) {
      const { norm, tokens } = tokenizeText(text);
      expect(norm).toBe(normalizeText(text));
      expect(tokens).toEqual(tokenize(text));
    }
  });
});
