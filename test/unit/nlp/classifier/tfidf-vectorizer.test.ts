import { TfidfVectorizer, LATIN_WORDS_MAX } from '../../../../src/nlp/classifier/tfidf-vectorizer';
import { extractFeatures, DEFAULT_FEATURE_OPTIONS } from '../../../../src/nlp/classifier/features';
import { hashFeature } from '../../../../src/nlp/classifier/feature-hash';
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
    // Nothing of an unseen text is kept but its count of unknown words (none, with the feature off).
    expect(Array.from(vectorizer.transform(tokenize('完全陌生')).indices)).toEqual([vectorizer.toJSON().features.indexOf(hashFeature('w:<rare>'))]);
    expect(TfidfVectorizer.fit(docs, { ...DEFAULT_FEATURE_OPTIONS, rare: 0 }).transform(tokenize('完全陌生')).indices.length).toBe(0);
  });

  it('should count rare and unseen words in one feature, w:<rare>', () => {
    // "hello" occurs once in training (rare), "zebra" never; "where" and "order" are common.
    const rareIndex = vectorizer.toJSON().features.indexOf(hashFeature('w:<rare>'));
    expect(rareIndex).toBeGreaterThanOrEqual(0);
    const weight = (text: string): number => {
      const v = vectorizer.transform(tokenize(text));
      const k = Array.from(v.indices).indexOf(rareIndex);
      return k < 0 ? 0 : (v.values[k] as number);
    };
    expect(weight('where is order')).toBe(0);
    expect(weight('hello zebra')).toBeGreaterThan(weight('where is order hello'));
    expect(weight('where is order hello')).toBeGreaterThan(0);
    const off = TfidfVectorizer.fit(docs, { ...DEFAULT_FEATURE_OPTIONS, rare: 0 });
    expect(off.toJSON().features).not.toContain(hashFeature('w:<rare>'));
    expect(off.toJSON().rare).toBeUndefined();
  });

  it('should refuse rare-word indices outside the features', () => {
    const json = vectorizer.toJSON();
    expect(() => TfidfVectorizer.fromJSON({ ...json, rare: [json.features.length] })).toThrow(/rare/);
  });

  it('should transform exactly the same after toJSON/fromJSON', () => {
    const copy = TfidfVectorizer.fromJSON(JSON.parse(JSON.stringify(vectorizer.toJSON())));
    for (const text of ['where is order 订单', 'hello zebra 没见过']) expect(copy.transform(tokenize(text))).toEqual(vectorizer.transform(tokenize(text)));
  });

  it('should give the same vectors whether the per-word n-gram cache is cold, warm or refilled', () => {
    const texts = ['Where is my ORDER', 'where is my order order', 'shipping 订单 shipping', 'hello zebra'];
    const cold = texts.map((t) => vectorizer.transform(tokenize(t)));
    expect(vectorizer.cachedWords).toBeGreaterThan(0);
    // A fresh copy has an empty cache, and computes each word's n-grams again.
    const fresh = TfidfVectorizer.fromJSON(vectorizer.toJSON());
    expect(texts.map((t) => fresh.transform(tokenize(t)))).toEqual(cold);
    expect(texts.map((t) => vectorizer.transform(tokenize(t)))).toEqual(cold);
    // The same vectors as the hashes of extractFeatures, counted one by one.
    const features = vectorizer.toJSON().features;
    for (const [k, text] of texts.entries()) {
      const counts = new Map<number, number>();
      for (const f of extractFeatures(tokenize(text))) {
        const i = features.indexOf(hashFeature(f));
        if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      const got = cold[k] as { indices: number[] };
      expect(got.indices.filter((i) => counts.has(i)).sort()).toEqual([...counts.keys()].sort());
    }
  });

  it('should keep the per-word n-gram cache bounded', () => {
    const v = TfidfVectorizer.fromJSON(vectorizer.toJSON());
    const want = v.transform(tokenize('where is order'));
    // Distinct all-letter words (digits would make model-number tokens, which have no n-grams).
    const letters = (i: number): string => i.toString(26).replace(/./g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
    let most = 0;
    for (let i = 0; i < LATIN_WORDS_MAX + 10; i++) {
      v.transform(tokenize(`zz${letters(i)}`));
      most = Math.max(most, v.cachedWords);
    }
    expect(most).toBe(LATIN_WORDS_MAX);
    expect(v.cachedWords).toBeLessThan(LATIN_WORDS_MAX);
    expect(v.transform(tokenize('where is order'))).toEqual(want);
  });
});
