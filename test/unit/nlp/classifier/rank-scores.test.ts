import { rankScores } from '../../../../src/nlp/classifier/rank-scores';
import { seededRandom } from '../../../../src/nlp/classifier/folds';

/** The slow, obvious ranking: every label, softmax, stable sort. */
function naive(scores: number[], labels: string[], scale: number): { name: string; score: number }[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - max) * scale));
  const sum = e.reduce((a, b) => a + b, 0);
  return labels.map((name, c) => ({ name, score: (e[c] as number) / sum })).sort((a, b) => b.score - a.score);
}

describe('rankScores', () => {
  it('should give the k best labels with softmax probabilities over all labels', () => {
    const ranked = rankScores(Float64Array.of(1, 3, 2), ['a', 'b', 'c'], 1, 2);
    expect(ranked.map((r) => r.name)).toEqual(['b', 'c']);
    const z = Math.exp(-2) + 1 + Math.exp(-1);
    expect(ranked[0]?.score).toBeCloseTo(1 / z, 12);
    expect(ranked[1]?.score).toBeCloseTo(Math.exp(-1) / z, 12);
  });

  it('should match a full sort on random scores, ties in label order', () => {
    const random = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(random() * 160);
      // Rounded to one decimal so that ties happen.
      const scores = Array.from({ length: n }, () => Math.round(random() * 40) / 10);
      const labels = scores.map((_, c) => `l${c}`);
      const k = 1 + Math.floor(random() * 6);
      const got = rankScores(Float64Array.from(scores), labels, 2.5, k);
      const want = naive(scores, labels, 2.5).slice(0, k);
      expect(got.map((r) => r.name)).toEqual(want.map((r) => r.name));
      got.forEach((r, i) => expect(r.score).toBeCloseTo((want[i] as { score: number }).score, 12));
    }
  });

  it('should return fewer than k when there are fewer labels, and nothing for none', () => {
    expect(rankScores(Float64Array.of(0.5), ['only'], 1, 5)).toEqual([{ name: 'only', score: 1 }]);
    expect(rankScores(new Float64Array(0), [], 1, 5)).toEqual([]);
  });
});
