import { fmtDate, fmtMoney } from '../../../src/widget/format';

describe('widget/format', () => {
  it.each([
    ['zh', '¥2,999.00'],
    ['en', 'CN¥2,999.00'],
  ] as const)('should format money in %s', (lang, text) => {
    expect(fmtMoney(2999, 'CNY', lang)).toBe(text);
    expect(fmtMoney('2999', undefined, lang)).toBe(text);
  });

  it('should show what it cannot format as it came, and nothing for nothing', () => {
    expect(fmtMoney('ask us', 'CNY', 'en')).toBe('ask us');
    expect(fmtMoney(null, 'CNY', 'zh')).toBe('');
    expect(fmtMoney(5, 'NOT-A-CODE', 'en')).toBe('NOT-A-CODE 5.00');
    expect(fmtDate('soon', 'zh', false)).toBe('soon');
    expect(fmtDate(undefined, 'en', true)).toBe('');
  });

  it.each([
    ['zh', '2026年11月3日'],
    ['en', 'Nov 3, 2026'],
  ] as const)('should not shift a bare date by the time zone (%s)', (lang, text) => {
    expect(fmtDate('2026-11-03', lang, false)).toBe(text);
  });
});
