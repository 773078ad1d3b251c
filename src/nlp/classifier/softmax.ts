/**
 * @module nlp/classifier/softmax
 * Scores → probabilities, shared by every classifier.
 */
import type { Scores } from './sparse-vector';

/** Softmax of `scores * scale`, written over `scores` (no allocation on the hot path). */
export function softmaxInPlace(scores: Scores, scale: number): Scores {
  let max = -Infinity;
  for (const x of scores) if (x > max) max = x;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    scores[c] = Math.exp(((scores[c] as number) - max) * scale);
    sum += scores[c] as number;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] as number) / sum;
  return scores;
}

/** `{label: probability}` in label order. */
export function byLabel(labels: readonly string[], p: Scores): Record<string, number> {
  const out: Record<string, number> = {};
  labels.forEach((l, c) => (out[l] = p[c] as number));
  return out;
}
