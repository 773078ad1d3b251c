import { TfidfVectorizer } from '../../../../src/nlp/classifier/tfidf-vectorizer';
import { extractFeatures } from '../../../../src/nlp/classifier/features';
import { tokenize } from '../../../../src/nlp/tokenizer';

describe('TfidfVectorizer', () => {
  const docs = ['where is order DD20261101008', 'where is order DD20261101009', '订单到哪了', 'hello'].map(tokenize);
  const vectorizer = TfidfVectorizer.fit(docs);

  it('should replace special tokens by their class so numbers generalise', () => {
    const features = extractFeatures(tokenize('订单DD20261101008 退 ¥300 电话13800138000'));
    expect(features).toEqual(expect.arrayContaining(['w:<order_id>', 'w:<price>', 'w:<phone>', 'w:订单']));
    expect(features.some((f) => f.includes('dd2026'))).toBe(false);
  });

  it('should add word bigrams and character n-grams of both scripts', () => {
    const features = extractFeatures(tokenize('我的订单 shipping'));
    expect(features).toEqual(expect.arrayContaining(['b:<s>|我', 'b:订单|ship', 'c:订', 'c:订单', 'c:的订单', 'c:<sh', 'c:ping']));
  });

  it('should map unseen order numbers onto the same vector', () => {
    const a = vectorizer.transform(tokenize('where is order DD20261101008'));
    const b = vectorizer.transform(tokenize('where is order AB99999999999'));
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
  });

  it('should produce unit-length vectors and ignore unseen features', () => {
    const v = vectorizer.transform(tokenize('where is my order'));
    expect(Array.from(v.values).reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 10);
    expect(vectorizer.transform(tokenize('完全陌生')).indices.length).toBe(0);
  });

  it('should transform exactly the same after toJSON/fromJSON', () => {
    const copy = TfidfVectorizer.fromJSON(JSON.parse(JSON.stringify(vectorizer.toJSON())));
    const text = tokenize('where is order 订单');
    expect(copy.transform(text)).toEqual(vectorizer.transform(text));
  });
});
