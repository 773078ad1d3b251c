/**
 * @module eval/eval-summary
 * The JSON object `kefu eval --json` prints as its last line (the contract of issue 3).
 */
import type { IntentMetrics } from './intent-metrics';

/** The metrics without the per-intent table, plus training time and prediction speed. */
export type EvalSummary = Omit<IntentMetrics, 'perIntent'> & {
  trainSeconds: number;
  /** Predictions per second of wall time, one process, after warm-up. */
  predictPerSecond: number;
  /** The same per second of CPU time (see `predictAll`). */
  predictPerCpuSecond: number;
};

/** @example evalSummary(intentMetrics(pairs), 1.234, { predictPerSecond: 25000, predictPerCpuSecond: 26000 }) */
export function evalSummary(
  metrics: IntentMetrics,
  trainSeconds: number,
  { predictPerSecond, predictPerCpuSecond }: { predictPerSecond: number; predictPerCpuSecond: number },
): EvalSummary {
  return {
    n: metrics.n,
    accuracy: metrics.accuracy,
    macroF1: metrics.macroF1,
    inScopeAccuracy: metrics.inScopeAccuracy,
    oosRecall: metrics.oosRecall,
    oosPrecision: metrics.oosPrecision,
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    predictPerSecond,
    predictPerCpuSecond,
  };
}

/** One human line, for the console without `--json`. */
export function formatSummary(s: EvalSummary): string {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
  return (
    `n=${s.n} accuracy=${pct(s.accuracy)} macroF1=${pct(s.macroF1)} inScope=${pct(s.inScopeAccuracy)}` +
    ` oosRecall=${pct(s.oosRecall)} oosPrecision=${pct(s.oosPrecision)} train=${s.trainSeconds}s predict=${s.predictPerSecond}/s (${s.predictPerCpuSecond}/CPU-s)`
  );
}
