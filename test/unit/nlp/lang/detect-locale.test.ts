import { detectLocale } from '../../../../src/nlp/lang/detect-locale';

describe('detectLocale', () => {
  it('should pick the language with more letters', () => {
    expect(detectLocale('我的订单到哪了')).toBe('zh');
    expect(detectLocale('where is my order')).toBe('en');
    expect(detectLocale('我的 iPhone 订单到哪了')).toBe('zh');
    expect(detectLocale('where is my 订单')).toBe('en');
  });

  it('should count each Han character and each Latin letter as one', () => {
    expect(detectLocale('退款 ok')).toBe('zh'); // 2 against 2: a tie with Han
    expect(detectLocale('退 abc')).toBe('en');
  });

  it('should not count names (a capital or a digit) in mixed text, in either language', () => {
    expect(detectLocale('那Bialetti的摩卡壶呢')).toBe('zh');
    expect(detectLocale('要Sony WH-1000XM5的')).toBe('zh');
    expect(detectLocale('any 华为 earbuds')).toBe('en');
    expect(detectLocale('is the Sony 降噪 good')).toBe('en');
    expect(detectLocale('Bialetti moka pot')).toBe('en'); // one script: every letter counts
  });

  it('should weigh a Latin word in mixed text as a word, not as its letters', () => {
    expect(detectLocale('有没有100元以内的stationery推荐')).toBe('zh');
    expect(detectLocale('那toys呢')).toBe('zh');
    expect(detectLocale('any 杰里猫 toys')).toBe('en');
    expect(detectLocale('do you have 杰里猫 plush toys')).toBe('en');
  });

  it('should read mixed text by its grammar words when only one language has them', () => {
    expect(detectLocale('and 玩具?')).toBe('en');
    expect(detectLocale('anything from 布鲁姆斯伯里?')).toBe('en');
    expect(detectLocale('only 乐高')).toBe('en');
    expect(detectLocale('有没有stationery推荐')).toBe('zh');
    expect(detectLocale('我的 order 呢')).toBe('zh');
  });

  it('should fall back to zh on a tie with Han, else en', () => {
    expect(detectLocale('好ab')).toBe('en');
    expect(detectLocale('好a')).toBe('zh');
    expect(detectLocale('12345 😀')).toBe('en');
    expect(detectLocale('')).toBe('en');
  });
});
