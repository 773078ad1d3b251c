/**
 * @module eval/confidence-histogram
 * How confident the recogniser was, split into right and wrong answers: a well-calibrated model
 * has its errors in the low bins, which is where an out-of-scope threshold can catch them.
 */
import type { ScoredPrediction } from './scored-prediction';

export interface HistogramBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except the last bin, which includes 1). */
  to: number;
  correct: number;
  wrong: number;
}

/** @example confidenceHistogram(predictions, 10)[9] // { from: 0.9, to: 1, correct: 812, wrong: 7 } */
export function confidenceHistogram(predictions: readonly ScoredPrediction[], bins = 10): HistogramBin[] {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, correct: 0, wrong: 0 }));
  for (const p of predictions) {
    const score = Number.isFinite(p.score) ? Math.min(1, Math.max(0, p.score)) : 0;
    const bin = out[Math.min(bins - 1, Math.floor(score * bins))] as HistogramBin;
    if (p.gold === p.predicted) bin.correct++;
    else bin.wrong++;
  }
  return out;
}
