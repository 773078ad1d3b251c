import { normalizeText } from '../../../src/nlp/normalize';

describe('normalizeText', () => {
  it('should fold full-width forms and lower-case letters', () => {
    expect(normalizeText('ＤＤ２０２６ iPhone，￥２９９９')).toBe('dd2026 iphone,¥2999');
  });

  it('should keep the length of any text, emoji and all', () => {
    for (const text of ['Ａ😀Ｂ', 'İstanbul ㎏', '我的订单ＤＤ２０２６１１０１００８', '“quoted” – dash']) {
      expect(normalizeText(text)).toHaveLength(text.length);
    }
  });

  it('should leave plain lower-case ASCII untouched', () => {
    expect(normalizeText('where is my order?')).toBe('where is my order?');
  });
});
