/**
 * @module nlp/classifier/calibration
 * Fits the two numbers that make classifier scores usable, from held-out predictions: the softmax
 * scale (so probabilities are honest: minimum negative log-likelihood) and the out-of-scope
 * threshold (best accuracy when answers below it count as `oos`).
 */

/** One held-out prediction: raw class scores and the index of the true class. */
export interface HeldOutScores {
  scores: Float64Array;
  truth: number;
}

/** softmax(scale × scores) as a new array. */
export function softmax(scores: Float64Array, scale: number): Float64Array {
  let max = -Infinity;
  for (const x of scores) if (x > max) max = x;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) sum += out[c] = Math.exp(((scores[c] as number) - max) * scale);
  for (let c = 0; c < scores.length; c++) out[c] = (out[c] as number) / sum;
  return out;
}

function softmaxAt(scores: Float64Array, scale: number, at: number): number {
  let max = -Infinity;
  for (const x of scores) if (x > max) max = x;
  let sum = 0;
  for (const x of scores) sum += Math.exp((x - max) * scale);
  return Math.exp(((scores[at] as number) - max) * scale) / sum;
}

/**
 * The softmax scale with the lowest mean negative log-likelihood, searched on a log grid.
 * @example fitScale(heldOut) // 23.7
 */
export function fitScale(heldOut: readonly HeldOutScores[], lo = 0.5, hi = 500, steps = 60): number {
  let best = lo;
  let bestLoss = Infinity;
  for (let k = 0; k <= steps; k++) {
    const scale = lo * Math.pow(hi / lo, k / steps);
    let loss = 0;
    for (const h of heldOut) loss -= Math.log(Math.max(softmaxAt(h.scores, scale, h.truth), 1e-12));
    if (loss < bestLoss) [best, bestLoss] = [scale, loss];
  }
  return best;
}

/** One held-out decision: the top label, its probability, and the truth. */
export interface HeldOutTop {
  top: string;
  score: number;
  truth: string;
}

/**
 * The threshold on the top probability that maximises held-out accuracy when answers below it
 * become `oosLabel`. Among equally good thresholds, the middle of the lowest best interval.
 * @example pickThreshold(tops, 'oos') // 0.42
 */
export function pickThreshold(heldOut: readonly HeldOutTop[], oosLabel: string, maxThreshold = 0.95): number {
  const candidates = [0, ...new Set(heldOut.map((h) => h.score))].filter((t) => t <= maxThreshold).sort((a, b) => a - b);
  let bestAcc = -1;
  let bestIdx = 0;
  candidates.forEach((t, idx) => {
    let correct = 0;
    for (const h of heldOut) correct += (h.score >= t ? h.top : oosLabel) === h.truth ? 1 : 0;
    if (correct > bestAcc) [bestAcc, bestIdx] = [correct, idx];
  });
  const chosen = candidates[bestIdx] as number;
  const below = bestIdx > 0 ? (candidates[bestIdx - 1] as number) : 0;
  return (chosen + below) / 2;
}
