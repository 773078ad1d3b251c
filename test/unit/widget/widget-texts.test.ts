/**
 * The widget's words as the server sends them (`dialogs/widget.json`): placeholders filled,
 * the plural form each language has, category and error names by key, and without texts (the
 * server was down) language-neutral marks or nothing — never a key. zh and en.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WidgetTexts, type TextKey } from '../../../src/widget/widget-texts';

const BUILT_IN = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../dialogs/widget.json'), 'utf8')) as Record<'zh' | 'en', Record<string, string>>;
const LANGS = ['zh', 'en'] as const;

describe('WidgetTexts', () => {
  it.each(LANGS)('should fill placeholders and pick the plural form (%s)', (lang) => {
    const t = new WidgetTexts(BUILT_IN[lang], lang);
    expect(t.text('limitReached', { max: 40 })).toBe(BUILT_IN[lang].limitReached.replace('{max}', '40'));
    expect(t.text('lowStock', { n: 3 })).toBe(BUILT_IN[lang].lowStock.replace('{n}', '3'));
    // English says "1 unread message" and "2 unread messages"; Chinese has one form.
    expect(t.unread(1)).toBe(BUILT_IN[lang][lang === 'en' ? 'unread_one' : 'unread_other'].replace('{n}', '1'));
    expect(t.unread(2)).toBe(BUILT_IN[lang].unread_other.replace('{n}', '2'));
    expect(t.counter(5, null)).toBe('5');
    expect(t.counter(5, 40)).toBe('5/40');
  });

  it.each(LANGS)('should name categories and errors by key, unknown ones by the generic text or nothing (%s)', (lang) => {
    const t = new WidgetTexts(BUILT_IN[lang], lang);
    expect(t.category('phones')).toBe(BUILT_IN[lang].category_phones);
    expect(t.category('spaceships')).toBe('');
    expect(t.error('KEFU_RATE_LIMIT')).toBe(BUILT_IN[lang].error_KEFU_RATE_LIMIT);
    expect(t.error(undefined)).toBe(BUILT_IN[lang].unknownError);
  });

  it.each(LANGS)("should use a shop's text where it has one (%s)", (lang) => {
    const t = new WidgetTexts({ ...BUILT_IN[lang], title: 'Bear Books' }, lang);
    expect(t.text('title')).toBe('Bear Books');
    expect(t.text('subtitle')).toBe(BUILT_IN[lang].subtitle);
  });

  it.each(LANGS)('should show no key and no language without texts (%s)', (lang) => {
    const t = new WidgetTexts({}, lang);
    const shown = (Object.keys(BUILT_IN[lang]) as TextKey[]).map((key) => t.text(key));
    shown.push(t.unread(2), t.category('phones'), t.error('KEFU_AUTH'));
    for (const text of shown) expect(text).not.toMatch(/[A-Za-z\u3400-\u9fff]/);
    // The connection states still show something.
    expect(t.text('offline')).not.toBe('');
    expect(t.text('reconnecting')).not.toBe('');
  });
});
