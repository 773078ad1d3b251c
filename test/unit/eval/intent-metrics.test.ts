import { intentMetrics } from '../../../src/eval/intent-metrics';

const p = (gold: string, predicted: string) => ({ gold, predicted });

describe('intentMetrics', () => {
  // Hand-computed: 7 examples, 4 right. a: P 2/3 R 2/3; b: P 1/2 R 1/2; oos: P 1/2 R 1/2.
  const pairs = [p('a', 'a'), p('a', 'a'), p('a', 'b'), p('b', 'b'), p('b', 'oos'), p('oos', 'oos'), p('oos', 'a')];

  it('should count accuracy over every example, oos included', () => {
    expect(intentMetrics(pairs).accuracy).toBeCloseTo(4 / 7);
    expect(intentMetrics(pairs).n).toBe(7);
  });

  it('should average F1 over the gold intents', () => {
    const m = intentMetrics(pairs);
    expect(m.perIntent.a).toEqual({ n: 3, precision: 2 / 3, recall: 2 / 3, f1: expect.closeTo(2 / 3) });
    expect(m.perIntent.b!.f1).toBeCloseTo(0.5);
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.5 + 0.5) / 3);
  });

  it('should count an in-scope example predicted as oos as wrong', () => {
    // in scope: a, a, a, b, b → 3 right of 5 (b → oos is wrong)
    expect(intentMetrics(pairs).inScopeAccuracy).toBeCloseTo(0.6);
  });

  it('should report oos recall and precision when the gold labels have oos', () => {
    const m = intentMetrics(pairs);
    expect(m.oosRecall).toBeCloseTo(0.5);
    expect(m.oosPrecision).toBeCloseTo(0.5);
  });

  it('should give null oos recall and precision when no gold label is oos, even if oos is predicted', () => {
    const m = intentMetrics([p('a', 'a'), p('b', 'oos')]);
    expect(m.oosRecall).toBeNull();
    expect(m.oosPrecision).toBeNull();
    expect(m.inScopeAccuracy).toBeCloseTo(0.5);
    expect(m.accuracy).toBeCloseTo(0.5);
  });

  it('should give null in-scope accuracy when every gold label is oos', () => {
    const m = intentMetrics([p('oos', 'oos'), p('oos', 'a')]);
    expect(m.inScopeAccuracy).toBeNull();
    expect(m.oosRecall).toBeCloseTo(0.5);
    expect(m.oosPrecision).toBe(1);
  });

  it('should give zero precision and F1 to an intent that is never predicted', () => {
    const m = intentMetrics([p('a', 'b'), p('b', 'b')]);
    expect(m.perIntent.a).toEqual({ n: 1, precision: 0, recall: 0, f1: 0 });
    expect(m.perIntent.b!.precision).toBeCloseTo(0.5);
  });

  it('should list precision, recall and F1 for every gold intent', () => {
    const m = intentMetrics(pairs);
    expect(Object.keys(m.perIntent).sort()).toEqual(['a', 'b', 'oos']);
    // oos: predicted twice (b → oos wrong, oos → oos right) → P 1/2; gold twice, one right → R 1/2
    expect(m.perIntent.oos).toEqual({ n: 2, precision: 0.5, recall: 0.5, f1: expect.closeTo(0.5) });
    expect(m.perIntent.b).toEqual({ n: 2, precision: 0.5, recall: 0.5, f1: expect.closeTo(0.5) });
  });

  it('should give the expected calibration error when every pair has a score, and null otherwise', () => {
    expect(intentMetrics(pairs).ece).toBeNull();
    // bin 0.9–1: 0.95 right, 0.95 wrong → |0.5 − 0.95| = 0.45 on 2 of 3; bin 0.6–0.7: 0.6 right → |1 − 0.6| = 0.4 on 1 of 3
    const scored = [
      { gold: 'a', predicted: 'a', score: 0.95 },
      { gold: 'a', predicted: 'b', score: 0.95 },
      { gold: 'b', predicted: 'b', score: 0.6 },
    ];
    expect(intentMetrics(scored).ece).toBeCloseTo((2 / 3) * 0.45 + (1 / 3) * 0.4, 10);
    expect(intentMetrics([...scored, { gold: 'a', predicted: 'a' }]).ece).toBeNull();
    expect(intentMetrics([]).ece).toBeNull();
  });
});
