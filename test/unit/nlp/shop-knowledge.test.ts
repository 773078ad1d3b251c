import { buildShopLexicon } from '../../../src/nlp/lexicon';
import { extractEntities } from '../../../src/nlp/entities';
import { tokenize } from '../../../src/nlp/tokenizer';
import { applyLexiconToJieba } from '../../../src/nlp/jieba-user-dict';
import type { Product } from '../../../src/core/shop';

const item = (id: string, brand: string, category: string, title: Product['title'], extra: Partial<Product> = {}): Product => ({
  id, title, category, brand, price: 99, currency: 'CNY', ...extra,
});

/** A shop that writes its brands in Latin letters only, in both titles. */
const catalogue: Product[] = [
  item('E1', 'HUAWEI', 'earbuds', { zh: 'HUAWEI FreeBuds 5i 真无线降噪耳机', en: 'HUAWEI FreeBuds 5i True Wireless Earbuds' }),
  item('E2', 'Sony', 'earbuds', { zh: 'Sony WF-C700N 降噪耳机', en: 'Sony WF-C700N Noise Cancelling Earbuds' }),
  item('K1', 'Xiaomi', 'kettles', { zh: 'Xiaomi 电水壶 2', en: 'Xiaomi Electric Kettle 2' }),
  item('K2', 'Redmi', 'kettles', { zh: 'Redmi 电水壶', en: 'Redmi Kettle' }, { keywords: { zh: ['烧水神器'], en: ['water boiler'] } }),
];

function entities(text: string, lexicon = buildShopLexicon(catalogue)) {
  applyLexiconToJieba(lexicon);
  return extractEntities(text, tokenize(text), lexicon).map((e) => [e.type, e.value]);
}

describe('the built-in lexicon merged with a catalogue', () => {
  it('should lend a brand its other-script names from the built-in lexicon', () => {
    const aliases = Object.fromEntries(buildShopLexicon(catalogue).brands.map((b) => [b.name, b.aliases]));
    expect(aliases['HUAWEI']).toEqual(expect.arrayContaining(['huawei', '华为']));
    expect(aliases['Sony']).toEqual(expect.arrayContaining(['sony', '索尼']));
  });

  it('should find brand and category in Chinese, English and mixed messages', () => {
    expect(entities('有华为的耳机吗')).toEqual([['brand', 'HUAWEI'], ['category', 'earbuds']]);
    expect(entities('any 华为 earbuds')).toEqual([['brand', 'HUAWEI'], ['category', 'earbuds']]);
    expect(entities('do you have huawei headphones')).toEqual([['brand', 'HUAWEI'], ['category', 'earbuds']]);
    expect(entities('索尼的earphones')).toEqual([['brand', 'Sony'], ['category', 'earbuds']]);
  });

  it('should return only brands and categories the shop has', () => {
    expect(entities('有三星的手机吗')).toEqual([]);
    expect(entities('any samsung laptops?')).toEqual([]);
    expect(buildShopLexicon(catalogue).categories.map((c) => c.slug)).toEqual(['earbuds', 'kettles']);
  });

  it('should lend a name that would point to two of the shop brands to neither', () => {
    const aliases = Object.fromEntries(buildShopLexicon(catalogue).brands.map((b) => [b.name, b.aliases]));
    // 小米 and 红米 are one built-in entry; this shop sells Xiaomi and Redmi as two brands.
    expect(aliases['Xiaomi']).toEqual(['xiaomi']);
    expect(aliases['Redmi']).toEqual(['redmi']);
    expect(entities('小米的电水壶')).toEqual([['category', 'kettles']]);
  });

  it('should map product kinds to the category that has them (kettle / 电水壶)', () => {
    expect(entities('想买个烧水壶')).toEqual([['category', 'kettles']]);
    expect(entities('an electric kettle please')).toEqual([['category', 'kettles']]);
  });
});

describe('the shop knowledge of the import (categories, brands, keywords)', () => {
  const knowledge = {
    categories: [{ id: 'earbuds', names: { zh: '无线耳机', en: 'Wireless earbuds' }, synonyms: { zh: ['耳塞'], en: ['buds'] } }],
    brands: [{ name: 'Xiaomi', aliases: ['米家', 'MIJIA'] }],
  };
  const lexicon = buildShopLexicon(catalogue, knowledge);

  it('should take the shop category names and synonyms as category words', () => {
    expect(lexicon.categories.find((c) => c.slug === 'earbuds')?.words).toEqual(expect.arrayContaining(['无线耳机', 'wireless earbuds', '耳塞', 'buds']));
    expect(entities('有耳塞吗', lexicon)).toEqual([['category', 'earbuds']]);
    expect(entities('cheap buds under 200', lexicon)).toEqual(expect.arrayContaining([['category', 'earbuds']]));
  });

  it('should take the shop brand aliases', () => {
    expect(entities('米家的电水壶', lexicon)).toEqual([['brand', 'Xiaomi'], ['category', 'kettles']]);
    expect(entities('a mijia kettle', lexicon)).toEqual([['brand', 'Xiaomi'], ['category', 'kettles']]);
  });

  it('should keep product keywords whole for the Chinese segmenter', () => {
    expect(lexicon.products.find((p) => p.id === 'K2')?.keywords).toEqual(['烧水神器', 'water boiler']);
    applyLexiconToJieba(lexicon);
    expect(tokenize('这个烧水神器好用吗').map((t) => t.text)).toContain('烧水神器');
  });

  it('should build the same lexicon without knowledge as before (old imports)', () => {
    expect(JSON.stringify(buildShopLexicon(catalogue, {}))).toBe(JSON.stringify(buildShopLexicon(catalogue)));
  });
});
