import type { Product } from '../../../../src/core/shop';
import { dropFiller } from '../../../../src/services/catalog/query-filler';
import { ProductMatcher } from '../../../../src/services/catalog/product-matcher';
import { KefuTextAnalyzer } from '../../../../src/nlp/analyzer';
import { buildShopLexicon } from '../../../../src/nlp/lexicon';
import { readFileSync } from 'fs';
import { join } from 'path';

describe('dropFiller', () => {
  it('should drop the words around a product name in English and Chinese', () => {
    expect(dropFiller('is the Xiaomi 14 in stock').trim().split(/\s+/)).toEqual(['Xiaomi', '14']);
    expect(dropFiller('tell me about the WH-1000XM5').trim()).toBe('WH-1000XM5');
    expect(dropFiller('请问小米14还有货吗').trim()).toBe('小米14');
    expect(dropFiller('兰蔻小黑瓶怎么样 介绍一下').replace(/\s+/g, '')).toBe('兰蔻小黑瓶');
  });

  it('should keep words that are not filler', () => {
    expect(dropFiller('sony headphones under 2000')).toBe('sony headphones under 2000');
    expect(dropFiller('降噪耳机')).toBe('降噪耳机');
  });
});

describe('ProductMatcher on the demo catalogue', () => {
  const products = JSON.parse(readFileSync(join(__dirname, '../../../../shops/demo/knowledge/products.json'), 'utf8')) as Product[];
  const matcher = new ProductMatcher(products, new KefuTextAnalyzer(buildShopLexicon(products)));
  const xiaomi14 = products.find((p) => typeof p.title !== 'string' && p.title.en?.startsWith('Xiaomi 14 Pro'))?.id;

  it.each([
    ['is the xiaomi 14 in stock', 'en'],
    ['tell me about xiaomi 14', 'en'],
    ['小米14有货吗', 'zh'],
  ] as const)('should take "%s" for the Xiaomi 14 phone, not a 14-inch laptop', (query, locale) => {
    expect(xiaomi14).toBeDefined();
    expect(matcher.best(query, locale)?.product.id).toBe(xiaomi14);
  });
});
