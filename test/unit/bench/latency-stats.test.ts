import { percentile, summarize } from '../../../src/bench/load/latency-stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('should take the nearest rank: the smallest value with p% at or below it', () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 90)).toBe(90);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile(hundred, 0.5)).toBe(1);
  });

  it('should round the rank up, never interpolate', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
    expect(percentile([10, 20, 30], 99)).toBe(30);
  });

  it('should give the only value for every p of one value', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('should give null for no values', () => {
    expect(percentile([], 50)).toBeNull();
  });

  it('should refuse p outside (0, 100]', () => {
    expect(() => percentile(hundred, 0)).toThrow(RangeError);
    expect(() => percentile(hundred, 101)).toThrow(RangeError);
    expect(() => percentile(hundred, Number.NaN)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('should sort a copy, leaving the input as it was', () => {
    const values = [30, 10, 20];
    const s = summarize(values);
    expect(values).toEqual([30, 10, 20]);
    expect(s).toEqual({ count: 3, p50: 20, p90: 30, p99: 30, max: 30, mean: 20 });
  });

  it('should round to hundredths', () => {
    expect(summarize([1.234, 2.345, 3.456]).mean).toBe(2.35);
    expect(summarize([0.125]).p50).toBe(0.13);
  });

  it('should report nothing but the count for no values', () => {
    expect(summarize([])).toEqual({ count: 0, p50: null, p90: null, p99: null, max: null, mean: null });
  });

  it('should put a slow tail in p99 but not p50', () => {
    const values = [...Array.from({ length: 98 }, () => 5), 900, 1000];
    const s = summarize(values);
    expect(s.p50).toBe(5);
    expect(s.p90).toBe(5);
    expect(s.p99).toBe(900);
    expect(s.max).toBe(1000);
  });
});
