/**
 * @module eval/calibration
 * Does a confidence of 0.8 mean "right 8 times in 10"? The reliability table puts every
 * prediction in one of `bins` equal-width bins of its top-1 confidence and compares, per bin, the
 * mean confidence with the share of right answers; the expected calibration error (ECE, Guo et
 * al. 2017) is the gap averaged over bins, weighted by how many predictions fell in each:
 * `ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b|`. 0 is perfect; a model that says 0.95 and
 * is right 70% of the time scores 0.25. The clarifying question and the OOS threshold both read
 * the confidence, so it has to mean what it says.
 */
import type { ScoredPrediction } from './scored-prediction';

export interface ReliabilityBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except the last bin, which includes 1). */
  to: number;
  /** Predictions whose confidence fell in the bin. */
  n: number;
  /** Mean top-1 confidence of those predictions; null for an empty bin. */
  confidence: number | null;
  /** Share of them that were right; null for an empty bin. */
  accuracy: number | null;
}

export interface Calibration {
  /** Expected calibration error, 0…1 (0 when there are no predictions). */
  ece: number;
  /** Largest |accuracy − confidence| over the non-empty bins (maximum calibration error). */
  mce: number;
  /** Mean top-1 confidence over all predictions (compare with accuracy: above it is over-confidence). */
  meanConfidence: number;
  bins: ReliabilityBin[];
}

/** A score outside 0…1 (or not a number) is clamped, as the confidence histogram does. */
function clamp(score: number): number {
  return Number.isFinite(score) ? Math.min(1, Math.max(0, score)) : 0;
}

/**
 * @param bins number of equal-width bins of [0, 1]. @default 10
 * @example calibration(predictions).ece // 0.043
 */
export function calibration(predictions: readonly Pick<ScoredPrediction, 'gold' | 'predicted' | 'score'>[], bins = 10): Calibration {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`calibration: bins must be a positive integer (got ${bins})`);
  const n = new Array<number>(bins).fill(0);
  const sumConfidence = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  let total = 0;
  for (const p of predictions) {
    const score = clamp(p.score);
    const b = Math.min(bins - 1, Math.floor(score * bins));
    n[b]!++;
    sumConfidence[b]! += score;
    if (p.gold === p.predicted) right[b]!++;
    total += score;
  }
  const N = predictions.length;
  let ece = 0;
  let mce = 0;
  const table: ReliabilityBin[] = n.map((count, b) => {
    const from = b / bins;
    const to = (b + 1) / bins;
    if (count === 0) return { from, to, n: 0, confidence: null, accuracy: null };
    const confidence = sumConfidence[b]! / count;
    const accuracy = right[b]! / count;
    const gap = Math.abs(accuracy - confidence);
    ece += (count / N) * gap;
    mce = Math.max(mce, gap);
    return { from, to, n: count, confidence, accuracy };
  });
  return { ece, mce, meanConfidence: N ? total / N : 0, bins: table };
}
