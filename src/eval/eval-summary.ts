/**
 * @module eval/eval-summary
 * The JSON object `kefu eval --json` prints as its last line (the contract of issue 3).
 */
import type { IntentMetrics } from './intent-metrics';

/** The metrics without the per-intent table, plus training time and prediction speed. */
export type EvalSummary = Omit<IntentMetrics, 'perIntent'> & {
  trainSeconds: number;
  /** Predictions per second, one process, after warm-up (steady state, see `predictAll`). */
  predictPerSecond: number;
  /** Predictions per second of the first pass, with words new to the caches (see `predictAll`). */
  firstPassPerSecond: number;
};

/** @example evalSummary(intentMetrics(pairs), 1.234, { predictPerSecond: 25000, firstPassPerSecond: 14000 }) */
export function evalSummary(
  metrics: IntentMetrics,
  trainSeconds: number,
  { predictPerSecond, firstPassPerSecond }: { predictPerSecond: number; firstPassPerSecond: number },
): EvalSummary {
  return {
    n: metrics.n,
    accuracy: metrics.accuracy,
    macroF1: metrics.macroF1,
    inScopeAccuracy: metrics.inScopeAccuracy,
    oosRecall: metrics.oosRecall,
    oosPrecision: metrics.oosPrecision,
    ece: metrics.ece,
    trainSeconds: Math.round(trainSeconds * 1000) / 1000,
    predictPerSecond,
    firstPassPerSecond,
  };
}

/** One human line, for the console without `--json`. */
export function formatSummary(s: EvalSummary): string {
  const pct = (x: number | null): string => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
  return (
    `n=${s.n} accuracy=${pct(s.accuracy)} macroF1=${pct(s.macroF1)} inScope=${pct(s.inScopeAccuracy)}` +
    ` oosRecall=${pct(s.oosRecall)} oosPrecision=${pct(s.oosPrecision)} ECE=${s.ece === null ? 'n/a' : s.ece.toFixed(3)} train=${s.trainSeconds}s predict=${s.predictPerSecond}/s (first pass ${s.firstPassPerSecond}/s)`
  );
}
