import { LogisticRegression } from '../../../../src/nlp/classifier/logistic-regression';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { fixture, PROBES } from './classifier-fixture';

describe('LogisticRegression', () => {
  const { vectorizer, examples } = fixture();
  const lr = LogisticRegression.train(examples, vectorizer.size);

  it('should learn a small fixture in zh and en', () => {
    for (const [text, label] of PROBES) {
      const p = lr.predict(vectorizer.transform(tokenize(text)));
      const best = Object.entries(p).sort((a, b) => b[1] - a[1])[0]?.[0];
      expect([text, best]).toEqual([text, label]);
    }
  });

  it('should train the same model twice from the same data', () => {
    const again = LogisticRegression.train(examples, vectorizer.size);
    expect(again.toJSON()).toEqual(lr.toJSON());
  });

  it('should predict exactly the same after toJSON/fromJSON', () => {
    const copy = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(lr.toJSON())));
    for (const [text] of PROBES) {
      const v = vectorizer.transform(tokenize(text));
      expect(copy.predict(v)).toEqual(lr.predict(v));
    }
  });

  it('should sharpen or soften probabilities with the softmax scale', () => {
    const v = vectorizer.transform(tokenize('cancel my order'));
    const soft = Math.max(...lr.probabilities(v, 0.5));
    const sharp = Math.max(...lr.probabilities(v, 5));
    expect(sharp).toBeGreaterThan(soft);
  });

  it('should reject weights of the wrong size', () => {
    expect(() => LogisticRegression.fromJSON({ ...lr.toJSON(), rows: [0, 1] })).toThrow(/rows must index/);
  });
});
