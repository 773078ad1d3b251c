import { toSimplifiedChar, TRADITIONAL_CHAR_COUNT } from '../../../../../src/nlp/lang/zh/traditional-to-simplified';

describe('toSimplifiedChar', () => {
  it('should map common traditional characters to simplified ones', () => {
    expect([...'訂單貨運費帳號優惠顏色尺碼退換'].map(toSimplifiedChar).join('')).toBe('订单货运费账号优惠颜色尺码退换');
  });

  it('should fold the variant forms Taiwan and Hong Kong chat uses (妳好 is 你好)', () => {
    expect([...'妳好 裏面'].map(toSimplifiedChar).join('')).toBe('你好 里面');
  });

  it('should leave simplified characters, Latin letters and emoji alone', () => {
    for (const ch of ['订', '单', 'a', '😀', '，']) expect(toSimplifiedChar(ch)).toBe(ch);
  });

  it('should hold a few hundred one-to-one pairs', () => {
    expect(TRADITIONAL_CHAR_COUNT).toBeGreaterThan(300);
  });
});
