import { featureHashes } from '../../../../src/nlp/classifier/feature-hashes';
import { extractFeatures, DEFAULT_FEATURE_OPTIONS } from '../../../../src/nlp/classifier/features';
import { hashFeature, FNV_OFFSET } from '../../../../src/nlp/classifier/feature-hash';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { CatalogueClasses } from '../../../../src/nlp/catalogue-classes';
import { buildShopLexicon } from '../../../../src/nlp/lexicon';

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

describe('featureHashes', () => {
  const texts = [
    '我的订单 shipping', '查订单DD20261101008 退 ¥300 电话13800138000', 'where is my order?!', '👍👍 谢谢 88',
    '𠀀𠀁好 ok', '', '3000以内的华为手机', 'Sony WH-1000XM5 降噪耳机 多少钱？', 'iphone 15 pro max 256g',
  ];

  it('should yield the hashes of extractFeatures for Chinese, English and mixed text', () => {
    for (const text of texts) {
      const tokens = tokenize(text);
      expect(sorted(featureHashes(tokens))).toEqual(sorted(extractFeatures(tokens).map(hashFeature)));
    }
  });

  it('should yield them for brand and category words tagged with their class', () => {
    const classes = new CatalogueClasses(buildShopLexicon([]));
    for (const text of ['有小米的充电宝吗', 'do you have Sony headphones', '3000以内的华为手机']) {
      const tokens = classes.tag(tokenize(text));
      expect(tokens.some((t) => t.tag === 'brand')).toBe(true);
      expect(sorted(featureHashes(tokens))).toEqual(sorted(extractFeatures(tokens).map(hashFeature)));
    }
  });

  it('should follow the feature options', () => {
    const opts = { hanChars: [2, 2] as [number, number], latinChars: [2, 5] as [number, number], bigrams: false };
    for (const text of texts) {
      const tokens = tokenize(text);
      expect(sorted(featureHashes(tokens, opts))).toEqual(sorted(extractFeatures(tokens, opts).map(hashFeature)));
    }
  });

  it('should list the word hashes of Chinese and Latin words, not of special tokens or punctuation', () => {
    const words: number[] = [];
    featureHashes(tokenize('查订单DD20261101008 ok?'), DEFAULT_FEATURE_OPTIONS, [], words);
    expect(words).toEqual(['w:查', 'w:订单', 'w:ok'].map(hashFeature));
  });

  it('should append to the given array and give the same hashes on every call', () => {
    const out = [1];
    featureHashes(tokenize('shipping shipping'), DEFAULT_FEATURE_OPTIONS, out);
    expect(out[0]).toBe(1);
    expect(out.slice(1)).toEqual(featureHashes(tokenize('shipping shipping')));
  });
});

describe('hashFeature', () => {
  it('should be the stable 32-bit FNV-1a of the UTF-16 code units', () => {
    expect(hashFeature('')).toBe(FNV_OFFSET);
    expect(hashFeature('a') >>> 0).toBe(0xe40c292c);
    expect(hashFeature('foobar') >>> 0).toBe(0xbf9cf968);
  });
});
