import { buildShopLexicon, lexiconWords } from '../../../src/nlp/lexicon';
import type { Product } from '../../../src/core/shop';
import products from '../../fixtures/nlp/products.json';
import { readFileSync } from 'fs';
import { join } from 'path';

const catalogue = products as Product[];

describe('buildShopLexicon', () => {
  const lexicon = buildShopLexicon(catalogue);

  it('should find brand aliases of the other language in the titles', () => {
    const aliases = Object.fromEntries(lexicon.brands.map((b) => [b.name, b.aliases]));
    expect(aliases['Sony']).toEqual(expect.arrayContaining(['sony', '索尼']));
    expect(aliases['华为']).toEqual(expect.arrayContaining(['华为', 'huawei']));
    expect(aliases['Lancôme']).toEqual(expect.arrayContaining(['lancôme', 'lancome', '兰蔻']));
  });

  it('should take a tag that only one brand carries, on all its products, for a brand name', () => {
    const item = (id: string, brand: string, tags: string[]): Product => ({ id, title: `${brand} ${id}`, category: 'shoes', brand, price: 1, currency: 'CNY', tags });
    const shop = buildShopLexicon([
      item('a1', 'Nike', ['耐克', '跑鞋']),
      item('a2', 'Nike', ['耐克', '篮球鞋']),
      item('b1', 'Anta', ['跑鞋']),
      item('b2', 'Anta', ['运动', '透气']),
    ]);
    expect(shop.brands.find((b) => b.name === 'Nike')?.aliases).toEqual(['nike', '耐克']);
    // Anta's Chinese name comes from the built-in lexicon, never from a tag other brands carry too.
    expect(shop.brands.find((b) => b.name === 'Anta')?.aliases).toEqual(['anta', '安踏']);
    expect(shop.categories[0]?.words).not.toContain('耐克');
  });

  it('should not take product lines or category words for brand names', () => {
    const all = lexicon.brands.flatMap((b) => b.aliases);
    expect(all).not.toContain('mate');
    expect(all).not.toContain('nova');
    expect(all).not.toContain('手机');
  });

  it('should derive category words from slugs, tags, titles and the generic lexicon', () => {
    const words = Object.fromEntries(lexicon.categories.map((c) => [c.slug, c.words]));
    expect(words['phones']).toEqual(expect.arrayContaining(['phones', '手机', 'smartphone']));
    expect(words['laptops']).toEqual(expect.arrayContaining(['笔记本电脑', 'laptop']));
    expect(words['audio']).toEqual(expect.arrayContaining(['耳机', '降噪']));
    expect(words['home-appliances']).toEqual(expect.arrayContaining(['吸尘器', '扫地机器人']));
  });

  it('should lend generic words only to categories the catalogue has', () => {
    const all = lexicon.categories.flatMap((c) => c.words);
    expect(all).not.toContain('香水');
    expect(all).not.toContain('television');
    expect(lexicon.categories.map((c) => c.slug)).toEqual(['audio', 'home-appliances', 'laptops', 'phones', 'shoes', 'skincare']);
  });

  describe('on a shop of books, coffee, stationery and toys', () => {
    const other = buildShopLexicon(JSON.parse(readFileSync(join(__dirname, '../../fixtures/other-shop/products.json'), 'utf8')) as Product[]);
    const words = (slug: string): string[] => other.categories.find((c) => c.slug === slug)?.words ?? [];
    const aliases = Object.fromEntries(other.brands.map((b) => [b.name, b.aliases]));

    it('should not make its paper notebooks laptops, nor a colour a category word', () => {
      expect(words('stationery')).toEqual(expect.arrayContaining(['笔记本', 'notebook', '钢笔']));
      for (const w of ['laptop', 'computer', '电脑', '笔记本电脑', 'black', '黑色']) expect(words('stationery')).not.toContain(w);
    });

    it('should not take a book title or a descriptive tag for a brand name', () => {
      expect(aliases['LEGO']).toEqual(expect.arrayContaining(['lego', '乐高']));
      expect(aliases['中信出版社']).toEqual(expect.arrayContaining(['citic press', '中信']));
      for (const [brand, wrong] of [['中信出版社', 'sapiens'], ['北京联合出版公司', 'atomic'], ['拾页书咖', 'page'], ['Bloomsbury', '哈利'], ['LEGO', 'building blocks'], ['LEGO', 'kids gift']]) {
        expect([brand, aliases[brand as string]]).not.toEqual([brand, expect.arrayContaining([wrong])]);
      }
    });
  });

  it('should collect model numbers from the titles', () => {
    const models = lexicon.products.flatMap((p) => p.models);
    expect(models).toEqual(expect.arrayContaining(['WH-1000XM5', 'WF-1000XM5', 'V12', 'M3', 'G20']));
  });

  it('should build the same lexicon from the same catalogue', () => {
    expect(JSON.stringify(buildShopLexicon(catalogue))).toBe(JSON.stringify(lexicon));
  });

  it('should hand the Chinese segmenter only words with Han characters', () => {
    const words = lexiconWords(lexicon);
    expect(words).toEqual(expect.arrayContaining(['笔记本电脑', '索尼', '扫地机器人']));
    expect(words.every((w) => /\p{Script=Han}/u.test(w))).toBe(true);
  });
});
