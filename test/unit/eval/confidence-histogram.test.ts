import { confidenceHistogram } from '../../../src/eval/confidence-histogram';

const s = (gold: string, predicted: string, score: number) => ({ text: 't', gold, predicted, score });

describe('confidenceHistogram', () => {
  it('should split right and wrong answers into equal-width bins, 1 in the last bin', () => {
    const bins = confidenceHistogram([s('a', 'a', 0.95), s('a', 'a', 1), s('a', 'b', 0.05), s('a', 'b', 0.55), s('a', 'a', 0.5)], 10);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toMatchObject({ from: 0.9, to: 1, correct: 2, wrong: 0 });
    expect(bins[0]).toMatchObject({ correct: 0, wrong: 1 });
    expect(bins[5]).toMatchObject({ correct: 1, wrong: 1 });
  });

  it('should clamp scores outside 0…1 and treat NaN as 0', () => {
    const bins = confidenceHistogram([s('a', 'a', 1.2), s('a', 'a', -1), s('a', 'b', Number.NaN)], 4);
    expect(bins[3]!.correct).toBe(1);
    expect(bins[0]).toMatchObject({ correct: 1, wrong: 1 });
  });
});
