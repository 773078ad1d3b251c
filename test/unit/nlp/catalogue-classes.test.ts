import type { Product } from '../../../src/core/shop';
import { CatalogueClasses } from '../../../src/nlp/catalogue-classes';
import { extractFeatures } from '../../../src/nlp/classifier/features';
import { buildShopLexicon } from '../../../src/nlp/lexicon';
import { NluEngine } from '../../../src/nlp/nlu-engine';
import { tokenize } from '../../../src/nlp/tokenizer';
import type { NluToken } from '../../../src/nlp/token-types';

const plush: Product = { id: 'p1', title: { zh: '杰里猫 兔子玩偶', en: 'Jellycat Bunny Plush' }, category: 'toys', brand: 'Jellycat', price: 199, currency: 'CNY' };
const toyShop = buildShopLexicon([plush], { brands: [{ name: 'Jellycat', aliases: ['杰里猫'] }] });
const emptyShop = buildShopLexicon([]);

const tagged = (tokens: readonly NluToken[]): [string, string][] => tokens.filter((t) => t.tag === 'brand' || t.tag === 'category').map((t) => [t.norm, t.tag as string]);

describe('CatalogueClasses', () => {
  it('should tag the built-in brands and product kinds on any shop, in zh and en', () => {
    const classes = new CatalogueClasses(emptyShop);
    expect(tagged(classes.tag(tokenize('有小米的充电宝吗')))).toEqual([['小米', 'brand'], ['充电', 'category'], ['宝', 'category']]);
    expect(tagged(classes.tag(tokenize('do you have Sony headphones')))).toEqual([['soni', 'brand'], ['headphon', 'category']]);
  });

  it("should tag a brand only this shop sells, by its own name and its aliases, and not on a shop without it", () => {
    const toy = new CatalogueClasses(toyShop);
    // However the segmenter cut it (here without the shop's words: 杰里 | 猫), the whole name is the brand.
    const name = tagged(toy.tag(tokenize('有杰里猫的吗')));
    expect([name.map(([norm]) => norm).join(''), [...new Set(name.map(([, cls]) => cls))]]).toEqual(['杰里猫', ['brand']]);
    expect(tagged(toy.tag(tokenize('any jellycat toys?')))).toEqual([['jellycat', 'brand'], ['toi', 'category']]);
    expect(tagged(new CatalogueClasses(emptyShop).tag(tokenize('any jellycat?')))).toEqual([]);
  });

  it('should leave brand names that are ordinary words in chat, and the input tokens, alone', () => {
    const classes = new CatalogueClasses(emptyShop);
    const tokens = tokenize('石头很美的');
    expect(classes.tag(tokens)).toBe(tokens);
    const question = tokenize('有华为的吗');
    const copy = classes.tag(question);
    expect(copy).not.toBe(question);
    expect(question.some((t) => t.tag)).toBe(false);
  });

  it('should give a tagged word its class and keep its own word feature', () => {
    const features = extractFeatures(new CatalogueClasses(emptyShop).tag(tokenize('有华为的吗')));
    expect(features).toEqual(expect.arrayContaining(['w:<brand>', 'w:华为', 'b:有|<brand>', 'b:<brand>|的']));
    expect(features).not.toContain('c:华');
  });
});

describe('NluEngine with catalogue classes', () => {
  const corpus = [
    ...['有小米的充电宝吗', '有索尼的耳机吗', '有耐克的跑鞋吗', '有华为的手表吗', '有佳能的相机吗', '推荐个手机', '有什么好的耳机推荐'].map((text) => ({ text, intent: 'product.recommend', locale: 'zh' as const })),
    ...['有黑色的吗', '有大号的吗', '这个有保修吗', '有白色的吗', '有说明书吗', '这款重不重', '有几个档位'].map((text) => ({ text, intent: 'product.info', locale: 'zh' as const })),
  ];
  const scoreOf = (engine: NluEngine, text: string): number => engine.classify(text).intents.find((i) => i.name === 'product.recommend')?.score ?? 0;

  it("should read a question about a brand it never saw in training like one about a brand it did (this shop's brand)", () => {
    const withClasses = NluEngine.train(corpus, toyShop, { folds: 2 });
    const asWords = NluEngine.train(corpus, toyShop, { folds: 2, features: { hanChars: [1, 3], latinChars: [3, 4], bigrams: true, rare: 1, catalogueClasses: false } });
    expect(withClasses.classify('有杰里猫的吗').top.name).toBe('product.recommend');
    expect(scoreOf(withClasses, '有杰里猫的吗')).toBeGreaterThan(scoreOf(asWords, '有杰里猫的吗'));
  });
});
