import { parseChineseNumber } from '../../../../../src/nlp/lang/zh/chinese-number';

describe('parseChineseNumber', () => {
  it('should read Chinese numerals', () => {
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一百二')).toBe(120);
    expect(parseChineseNumber('两千')).toBe(2000);
    expect(parseChineseNumber('两千五')).toBe(2500);
    expect(parseChineseNumber('三千零五')).toBe(3005);
    expect(parseChineseNumber('一万五')).toBe(15000);
    expect(parseChineseNumber('二十万')).toBe(200000);
  });

  it('should read digits mixed with units', () => {
    expect(parseChineseNumber('3千')).toBe(3000);
    expect(parseChineseNumber('1.5万')).toBe(15000);
    expect(parseChineseNumber('2,999')).toBe(2999);
  });

  it('should reject text that is not a number', () => {
    expect(parseChineseNumber('手机')).toBeUndefined();
    expect(parseChineseNumber('')).toBeUndefined();
  });
});
