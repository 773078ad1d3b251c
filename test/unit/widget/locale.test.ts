import { intlLocale, normLocale, pick } from '../../../src/widget/locale';

describe('widget/locale', () => {
  it('should map any zh tag to zh and everything else to en', () => {
    expect(['zh', 'zh-CN', 'ZH-Hant', 'zh_TW'].map(normLocale)).toEqual(['zh', 'zh', 'zh', 'zh']);
    expect(['en', 'en-GB', 'fr', '', undefined, null].map(normLocale)).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
    expect([intlLocale('zh'), intlLocale('en')]).toEqual(['zh-CN', 'en-US']);
  });

  it.each([
    ['zh', '手机'],
    ['en', 'Phone'],
  ] as const)('should pick the %s text of a localised field', (lang, text) => {
    expect(pick({ zh: '手机', en: 'Phone' }, lang)).toBe(text);
    expect(pick({ 'zh-CN': '手机', 'en-US': 'Phone' }, lang)).toBe(text);
  });

  it('should fall back to the first language, join lists and never show an object', () => {
    expect(pick({ zh: '仅中文' }, 'en')).toBe('仅中文');
    expect(pick({ en: 'English only' }, 'zh')).toBe('English only');
    expect(pick(['蓝', { zh: '红', en: 'red' }], 'en')).toBe('蓝, red');
    expect(pick({ nested: { deeper: {} } }, 'zh')).toBe('');
    expect(pick(null, 'zh')).toBe('');
    expect(pick(3, 'en')).toBe('3');
  });
});
