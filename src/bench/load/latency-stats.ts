/**
 * @module bench/load/latency-stats
 * Percentiles of measured latencies, so every load report (bench:load, soak) summarises the same
 * way: nearest rank on the sorted values, no interpolation, nothing reported for no values.
 */

export interface LatencySummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  mean: number | null;
}

/**
 * The nearest-rank percentile of ascending `sorted`: the smallest value with at least `p`% of the
 * values at or below it. Null when there are no values.
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

/**
 * Count, p50/p90/p99, max and mean of `values` (in any order; not modified), rounded to 0.01.
 * @example summarize([12, 3, 7]).p50 // 7
 */
export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : null),
    mean: round(sorted.length ? sum / sorted.length : null),
  };
}
