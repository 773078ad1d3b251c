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

  it('should fold traditional Chinese characters to simplified ones', () => {
    expect(normalizeText('我的訂單號碼，貨還沒到嗎？')).toBe('我的订单号码,货还没到吗?');
  });

  it('should fold full-width, case and traditional forms in mixed text without changing length', () => {
    const text = 'ＨＵＡＷＥＩ手機😀優惠券！！！';
    const norm = normalizeText(text);
    expect(norm).toHaveLength(text.length);
    expect(norm).toBe('huawei手机😀优惠券!!!');
  });

  it('should fold ASCII text (its fast path) exactly as text with other characters', () => {
    const ascii = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('');
    // A Han character at the end sends the same ASCII characters through the per-character fold.
    expect(normalizeText(ascii)).toBe(normalizeText(ascii + '中').slice(0, -1));
    expect(normalizeText('Where IS my Order?')).toBe('where is my order?');
  });

  it('should keep surrogate pairs whole and lone surrogates as they are', () => {
    expect(normalizeText('\ud800Ａ𠮷\udc00訂😀')).toBe('\ud800a𠮷\udc00订😀');
    expect(normalizeText('訂\ud83d')).toBe('订\ud83d');
  });
});
