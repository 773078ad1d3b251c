import { fitScale, oosMargin, pickThreshold, softmax } from '../../../../src/nlp/classifier/calibration';

describe('pickThreshold', () => {
  it('should put the threshold between in-scope and out-of-scope scores', () => {
    const heldOut = [
      { top: 'a', score: 0.9, truth: 'a' },
      { top: 'b', score: 0.8, truth: 'b' },
      { top: 'a', score: 0.7, truth: 'a' },
      { top: 'a', score: 0.4, truth: 'oos' },
      { top: 'b', score: 0.3, truth: 'oos' },
    ];
    const t = pickThreshold(heldOut, 'oos');
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThanOrEqual(0.7);
  });

  it('should stay at zero when nothing is out of scope', () => {
    expect(pickThreshold([{ top: 'a', score: 0.2, truth: 'a' }, { top: 'b', score: 0.9, truth: 'b' }], 'oos')).toBe(0);
  });

  it('should trade in-scope accuracy for OOS recall only as the OOS weight allows', () => {
    // 100 in-scope answers, 10 of them unsure (0.3); 2 out-of-scope questions at 0.35.
    const heldOut = [
      ...Array.from({ length: 90 }, () => ({ top: 'a', score: 0.9, truth: 'a' })),
      ...Array.from({ length: 10 }, () => ({ top: 'a', score: 0.3, truth: 'a' })),
      { top: 'a', score: 0.35, truth: 'oos' },
      { top: 'a', score: 0.35, truth: 'oos' },
    ];
    // Catching both (+100 points of OOS recall) would cost 10 points of in-scope accuracy.
    expect(pickThreshold(heldOut, 'oos', 0.95, 0.02)).toBeLessThan(0.3);
    expect(pickThreshold(heldOut, 'oos', 0.95, 1)).toBeGreaterThan(0.35);
    // When they sit below the unsure answers, catching them is free: the middle of the gap.
    const free = heldOut.map((h) => (h.truth === 'oos' ? { ...h, score: 0.25 } : h));
    expect(pickThreshold(free, 'oos', 0.95, 0.02)).toBeCloseTo(0.275);
  });

  it('should place thresholds on scores that may be negative above the given floor', () => {
    const margins = [
      { top: 'a', score: 3, truth: 'a' },
      { top: 'b', score: 1, truth: 'b' },
      { top: 'a', score: -0.5, truth: 'oos' },
      { top: 'b', score: -2, truth: 'oos' },
    ];
    expect(pickThreshold(margins, 'oos', Infinity, 0.02, -3)).toBeCloseTo(0.25);
    expect(pickThreshold(margins.filter((m) => m.truth !== 'oos'), 'oos', Infinity, 0.02, -3)).toBe(-3);
  });

  it('should never exceed the maximum threshold', () => {
    expect(pickThreshold([{ top: 'a', score: 0.99, truth: 'oos' }], 'oos', 0.9)).toBeLessThanOrEqual(0.9);
  });
});

describe('fitScale', () => {
  it('should sharpen scores that are always right and soften scores that are often wrong', () => {
    const right = Array.from({ length: 20 }, () => ({ scores: Float64Array.from([1, 0]), truth: 0 }));
    const mixed = Array.from({ length: 20 }, (_, i) => ({ scores: Float64Array.from([1, 0]), truth: i % 3 === 0 ? 1 : 0 }));
    expect(fitScale(right)).toBeGreaterThan(fitScale(mixed));
  });
});

describe('fitScale (temperature scaling)', () => {
  const nll = (heldOut: { scores: Float64Array; truth: number }[], scale: number): number =>
    heldOut.reduce((sum, h) => sum - Math.log(softmax(h.scores, scale)[h.truth] as number), 0) / heldOut.length;

  it('should lower the negative log-likelihood of over-confident scores (synthetic: right 70% of the time at a gap of 2)', () => {
    // Raw scores say 79% (softmax of a gap of 2), but the top class is right only 7 times in 10.
    const heldOut = Array.from({ length: 100 }, (_, i) => ({ scores: Float64Array.from([2, 0, 0]), truth: i % 10 < 7 ? 0 : 1 + (i % 2) }));
    const scale = fitScale(heldOut);
    expect(scale).toBeLessThan(1);
    expect(nll(heldOut, scale)).toBeLessThan(nll(heldOut, 1));
    // The calibrated top probability is close to the 70% it is right.
    expect(softmax(Float64Array.from([2, 0, 0]), scale)[0]).toBeCloseTo(0.7, 1);
  });

  it('should lower the negative log-likelihood of under-confident scores too', () => {
    const heldOut = Array.from({ length: 100 }, (_, i) => ({ scores: Float64Array.from([0.2, 0, 0]), truth: i % 50 === 0 ? 1 : 0 }));
    const scale = fitScale(heldOut);
    expect(scale).toBeGreaterThan(1);
    expect(nll(heldOut, scale)).toBeLessThan(nll(heldOut, 1));
  });
});

describe('oosMargin', () => {
  it('should measure the best raw score ahead of the oos intent, or the raw score without one', () => {
    expect(oosMargin(Float64Array.of(2.5, 0.5, 1), 2, 0)).toBeCloseTo(1.5);
    expect(oosMargin(Float64Array.of(2.5, 0.5, 1), -1, 0)).toBeCloseTo(2.5);
    expect(oosMargin([0.2, -1], 1, 0)).toBeCloseTo(1.2);
  });
});
