import { topFeaturesByChiSquare } from '../../../../src/nlp/classifier/chi-square';
import type { LabelledVector } from '../../../../src/nlp/classifier/naive-bayes';

/** An example with the given features present (value 1). */
const ex = (label: string, ...features: number[]): LabelledVector => ({ vector: { indices: features, values: features.map(() => 1) }, label });

describe('topFeaturesByChiSquare', () => {
  // 0 marks label a; 1 is in every utterance; 2 is spread evenly; 3 is a one-off; 4 leans to a.
  const examples = [ex('a', 0, 1, 2, 4), ex('a', 0, 1, 4), ex('a', 0, 1, 3), ex('a', 0, 1, 2), ex('b', 1, 2), ex('b', 1, 4), ex('b', 1, 2), ex('b', 1)];

  it('should rank the feature that marks a label above one that only leans to it', () => {
    expect(topFeaturesByChiSquare(examples, 5, 5)).toEqual([0, 4]);
  });

  it('should leave out features in every utterance, independent of the label, or seen fewer than three times', () => {
    const chosen = topFeaturesByChiSquare(examples, 5, 5);
    for (const f of [1, 2, 3]) expect(chosen).not.toContain(f);
  });

  it('should return at most k features', () => {
    expect(topFeaturesByChiSquare(examples, 5, 1)).toEqual([0]);
  });
});
