/**
 * `analyzeSentiment` with the shipped models: zh and en polarity, neutral shop talk, anger, and
 * bad input that must never throw.
 */
import { analyzeSentiment, analyzeSentimentTokens, ANGER_THRESHOLD, NEUTRAL_BAND } from '../../../../src/nlp/sentiment';
import { tokenize } from '../../../../src/nlp/tokenizer';

describe('analyzeSentiment', () => {
  it('should read praise as positive and complaints as negative in Chinese', () => {
    for (const text of ['衣服很漂亮，质量也好，下次还来', '物流很快，东西收到了很满意']) {
      const r = analyzeSentiment(text);
      expect(r.label).toBe('positive');
      expect(r.score).toBeGreaterThanOrEqual(NEUTRAL_BAND);
    }
    for (const text of ['质量太差了，用了两天就坏了', '快递太慢了，等了一个星期']) {
      const r = analyzeSentiment(text);
      expect(r.label).toBe('negative');
      expect(r.score).toBeLessThanOrEqual(-NEUTRAL_BAND);
    }
  });

  it('should read praise as positive and complaints as negative in English', () => {
    expect(analyzeSentiment('Great quality, fast delivery, I love it').label).toBe('positive');
    expect(analyzeSentiment('The box arrived damaged and the blender is broken').label).toBe('negative');
  });

  it('should keep plain shop questions neutral in both languages', () => {
    for (const text of ['我的订单到哪了', '包邮吗', '退货政策是什么', '推荐一款3000以内的手机', 'where is my order', 'Can I change the delivery address?']) {
      const r = analyzeSentiment(text);
      expect({ text, label: r.label }).toEqual({ text, label: 'neutral' });
      expect(r.anger).toBeLessThan(ANGER_THRESHOLD);
    }
  });

  it('should handle English negation and intensifiers', () => {
    expect(analyzeSentiment('not good', 'en').score).toBeLessThan(0);
    expect(analyzeSentiment('not bad at all', 'en').score).toBeGreaterThan(0);
    expect(analyzeSentiment('very good', 'en').score).toBeGreaterThan(analyzeSentiment('good', 'en').score);
  });

  it('should score angry shoppers at or above the threshold, zh and en', () => {
    for (const text of ['气死我了，骗子！！', '什么破物流，我要投诉你们', '垃圾！退钱！！！', 'This is a scam, I want my money back!!!', 'Worst service ever, this is ridiculous and unacceptable', 'WHERE IS MY ORDER?? I AM FURIOUS']) {
      const r = analyzeSentiment(text);
      expect({ text, angry: r.anger >= ANGER_THRESHOLD }).toEqual({ text, angry: true });
      expect(r.anger).toBeLessThanOrEqual(1);
    }
  });

  it('should keep disappointed but calm shoppers and happy shouting below the threshold', () => {
    for (const text of ['质量一般', '这个不太好用', '太棒了！！！', 'I am a bit disappointed with the color', 'Amazing!!! Thank you so much!!!']) {
      const r = analyzeSentiment(text);
      expect({ text, angry: r.anger >= ANGER_THRESHOLD }).toEqual({ text, angry: false });
      expect(r.anger).toBeGreaterThanOrEqual(0);
    }
  });

  it('should give the same answer from the recogniser tokens', () => {
    const text = '快递太慢了，差评！！';
    expect(analyzeSentimentTokens(text, tokenize(text))).toEqual(analyzeSentiment(text));
  });

  it('should never throw on bad input, and answer neutral when there is nothing to read', () => {
    const nothing = ['', '   \n\t', '\u200b\u200c\u200d\ufeff', '\ud800', '\udc00abc'.slice(0, 1)];
    for (const text of nothing) expect(analyzeSentiment(text)).toEqual({ label: 'neutral', score: 0, anger: 0 });
    expect(analyzeSentiment(undefined as unknown as string)).toEqual({ label: 'neutral', score: 0, anger: 0 });
    expect(analyzeSentiment(42 as unknown as string)).toEqual({ label: 'neutral', score: 0, anger: 0 });
    const odd = ['😀😀😀', '👍', '\ud83d好\ude00', 'a\ud800b', '好'.repeat(2000), 'bad '.repeat(500), '气'.repeat(100_000), '!!!???', '🤬🤬'];
    for (const text of odd) {
      const r = analyzeSentiment(text);
      expect(['positive', 'negative', 'neutral']).toContain(r.label);
      expect(r.score).toBeGreaterThanOrEqual(-1);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.anger).toBeGreaterThanOrEqual(0);
      expect(r.anger).toBeLessThanOrEqual(1);
    }
    expect(analyzeSentiment('🤬🤬').anger).toBeGreaterThanOrEqual(ANGER_THRESHOLD);
  });
});
