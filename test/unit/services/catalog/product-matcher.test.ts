import type { Product } from '../../../../src/core/shop';
import { ProductMatcher } from '../../../../src/services/catalog/product-matcher';
import { testAnalyzers } from '../../../fixtures/services/analyzers';
import productsJson from '../../../fixtures/services/products.json';

const products = productsJson as Product[];

describe.each(testAnalyzers())('ProductMatcher with %s', (_name, analyzer) => {
  const matcher = new ProductMatcher(products, analyzer);

  it.each([
    ['wh1000xm5', 'en', 'P-XM5'],
    ['WH 1000 XM4', 'en', 'P-XM4'],
    ['ＷＨ－１０００ＸＭ５', 'zh', 'P-XM5'],
    ['MRXN3CH/A', 'en', 'P-MBA'],
  ] as const)('should find %s by its model number', (query, locale, id) => {
    expect(matcher.best(query, locale)?.product.id).toBe(id);
  });

  it.each([
    ['小米14pro', 'zh', 'P-MI14P'],
    ['xiaomi 14 pro', 'en', 'P-MI14P'],
    ['airpods pro 2', 'en', 'P-APP2'],
    ['airpod pro2', 'en', 'P-APP2'],
    ['macbook air', 'en', 'P-MBA'],
    ['macbok air', 'en', 'P-MBA'],
    ['macbook pro', 'zh', 'P-MBP'],
    ['iphone15 pro max', 'en', 'P-IP15PM'],
    ['兰蔻小黑瓶', 'zh', 'P-CREAM'],
    ['lancome serum', 'en', 'P-CREAM'],
    ['小米充电器', 'zh', 'P-CHG'],
  ] as const)('should find %s by a partial or misspelt name', (query, locale, id) => {
    expect(matcher.best(query, locale)?.product.id).toBe(id);
  });

  it.each([
    ['请问索尼WH-1000XM5有货吗', 'zh', 'P-XM5'],
    ['do you have the sony wh-1000xm5 in stock', 'en', 'P-XM5'],
  ] as const)('should find the product named inside a sentence: %s', (query, locale, id) => {
    expect(matcher.best(query, locale)?.product.id).toBe(id);
  });

  it.each([
    ['今天天气怎么样', 'zh'],
    ['我要退货', 'zh'],
    ['who won the match', 'en'],
    ['how long does shipping take', 'en'],
    ['', 'en'],
  ] as const)('should find nothing for %s', (query, locale) => {
    expect(matcher.best(query, locale)).toBeNull();
  });

  it('should rank the closer model first and keep scores in [0, 1]', () => {
    const hits = matcher.match('wh-1000xm5', 'en', { limit: 3 });
    expect(hits.map((h) => h.product.id).slice(0, 2)).toEqual(['P-XM5', 'P-XM4']);
    for (const h of hits) {
      expect(h.score).toBeGreaterThan(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it('should apply a filter', () => {
    const hits = matcher.match('sony headphones', 'en', { filter: (p) => (p.stock ?? 1) > 0 });
    expect(hits[0].product.id).toBe('P-XM5');
    expect(hits.map((h) => h.product.id)).not.toContain('P-XM4');
  });
});
