import { calibration } from '../../../src/eval/calibration';

const s = (gold: string, predicted: string, score: number) => ({ text: 't', gold, predicted, score });

describe('calibration', () => {
  // Hand-computed: bin 0.9–1: two at 0.95, one right → gap |0.5 − 0.95| = 0.45;
  // bin 0.8–0.9: two at 0.85, both right → gap 0.15; bin 0.3–0.4: one at 0.35, wrong → gap 0.35.
  // ECE = 2/5·0.45 + 2/5·0.15 + 1/5·0.35 = 0.18 + 0.06 + 0.07 = 0.31.
  const predictions = [s('a', 'a', 0.95), s('a', 'b', 0.95), s('b', 'b', 0.85), s('a', 'a', 0.85), s('oos', 'a', 0.35)];

  it('should weight each bin gap by its share of the predictions', () => {
    const c = calibration(predictions);
    expect(c.ece).toBeCloseTo(0.31, 10);
    expect(c.mce).toBeCloseTo(0.45, 10);
    expect(c.meanConfidence).toBeCloseTo(3.95 / 5, 10);
  });

  it('should give a reliability table of 10 equal-width bins with mean confidence and accuracy', () => {
    const { bins } = calibration(predictions);
    expect(bins).toHaveLength(10);
    expect(bins[9]).toEqual({ from: 0.9, to: 1, n: 2, confidence: expect.closeTo(0.95, 10), accuracy: 0.5 });
    expect(bins[8]).toEqual({ from: 0.8, to: 0.9, n: 2, confidence: expect.closeTo(0.85, 10), accuracy: 1 });
    expect(bins[3]).toEqual({ from: 0.3, to: 0.4, n: 1, confidence: expect.closeTo(0.35, 10), accuracy: 0 });
    expect(bins[0]).toEqual({ from: 0, to: 0.1, n: 0, confidence: null, accuracy: null });
    expect(bins.reduce((a, b) => a + b.n, 0)).toBe(5);
  });

  it('should be 0 for a model right exactly as often as it says', () => {
    // ten predictions at 0.8, eight right: accuracy 0.8 = confidence 0.8
    const c = calibration(Array.from({ length: 10 }, (_, i) => s('a', i < 8 ? 'a' : 'b', 0.8)));
    expect(c.ece).toBeCloseTo(0, 10);
    expect(c.bins[8]!.n).toBe(10);
  });

  it('should measure over-confidence: always 1.0 and right half the time is an ECE of 0.5', () => {
    const c = calibration([s('a', 'a', 1), s('a', 'b', 1), s('b', 'b', 1), s('b', 'a', 1)]);
    expect(c.ece).toBeCloseTo(0.5, 10);
    expect(c.bins[9]).toMatchObject({ n: 4, accuracy: 0.5 });
  });

  it('should put 1 in the last bin, clamp scores outside 0…1 and count NaN as 0', () => {
    const c = calibration([s('a', 'a', 1.3), s('a', 'a', -0.2), s('a', 'b', Number.NaN)], 4);
    expect(c.bins).toHaveLength(4);
    expect(c.bins[3]).toMatchObject({ from: 0.75, to: 1, n: 1, confidence: 1, accuracy: 1 });
    expect(c.bins[0]).toMatchObject({ n: 2, confidence: 0, accuracy: 0.5 });
    // gaps: last bin |1 − 1| = 0; first bin |0.5 − 0| = 0.5 on 2 of 3 predictions
    expect(c.ece).toBeCloseTo(1 / 3, 10);
  });

  it('should give 0 and empty bins without predictions, and refuse a bad bin count', () => {
    const c = calibration([]);
    expect(c.ece).toBe(0);
    expect(c.meanConfidence).toBe(0);
    expect(c.bins.every((b) => b.n === 0 && b.accuracy === null)).toBe(true);
    expect(() => calibration([], 0)).toThrow(/bins/);
    expect(() => calibration([], 2.5)).toThrow(/bins/);
  });
});
