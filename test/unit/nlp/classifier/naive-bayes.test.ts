import { NaiveBayes } from '../../../../src/nlp/classifier/naive-bayes';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { fixture, PROBES } from './classifier-fixture';

describe('NaiveBayes', () => {
  const { vectorizer, examples } = fixture();
  const nb = NaiveBayes.train(examples, vectorizer.size);

  it('should learn a small fixture in zh and en', () => {
    for (const [text, label] of PROBES) {
      const p = nb.predict(vectorizer.transform(tokenize(text)));
      const best = Object.entries(p).sort((a, b) => b[1] - a[1])[0]?.[0];
      expect([text, best]).toEqual([text, label]);
    }
  });

  it('should return probabilities that sum to one', () => {
    const p = nb.predict(vectorizer.transform(tokenize('where is my order')));
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(Object.keys(p).sort()).toEqual(['cancel', 'greet', 'status']);
  });

  it('should predict exactly the same after toJSON/fromJSON', () => {
    const copy = NaiveBayes.fromJSON(JSON.parse(JSON.stringify(nb.toJSON())));
    for (const [text] of PROBES) {
      const v = vectorizer.transform(tokenize(text));
      expect(copy.predict(v)).toEqual(nb.predict(v));
    }
  });

  it('should give uniform probabilities to a text with no known feature', () => {
    const p = nb.predict(vectorizer.transform(tokenize('😀')));
    for (const x of Object.values(p)) expect(x).toBeCloseTo(1 / 3, 10);
  });

  it('should reject malformed JSON', () => {
    expect(() => NaiveBayes.fromJSON({ labels: ['a'], sums: [] } as never)).toThrow(/same length/);
  });

  it('should predict far above 20,000 vectors per second', () => {
    const vectors = PROBES.map(([t]) => vectorizer.transform(tokenize(t)));
    const started = process.hrtime.bigint();
    const n = 60000;
    for (let i = 0; i < n; i++) nb.probabilities(vectors[i % vectors.length]!);
    const perSecond = n / (Number(process.hrtime.bigint() - started) / 1e9);
    expect(perSecond).toBeGreaterThan(20000);
  });
});
