/**
 * @module nlp/classifier/rank-scores
 * Raw class scores → the few best labels with their softmax probabilities, in one pass and
 * without sorting every label: with 150 labels, building and sorting an object per label cost
 * more than the whole classification.
 */

/** A label and its probability. */
export interface RankedLabel {
  name: string;
  score: number;
}

/**
 * The `k` best of `scores[0…labels.length)`, best first (ties keep label order), each with its
 * probability softmax(scale × scores) over all labels.
 * @example rankScores(Float64Array.of(1, 3, 2), ['a', 'b', 'c'], 1, 2) // [{name:'b',score:0.665}, {name:'c',score:0.245}]
 */
export function rankScores(scores: Float64Array, labels: readonly string[], scale: number, k: number): RankedLabel[] {
  const n = labels.length;
  const keep = Math.min(k, n);
  const best = new Array<number>(keep);
  let count = 0;
  let max = -Infinity;
  for (let c = 0; c < n; c++) {
    const s = scores[c] as number;
    if (s > max) max = s;
    if (count === keep && s <= (scores[best[keep - 1] as number] as number)) continue;
    // Insertion into the short best-first list; a tie goes after the labels already there.
    let j = count < keep ? count++ : keep - 1;
    for (; j > 0 && (scores[best[j - 1] as number] as number) < s; j--) best[j] = best[j - 1] as number;
    best[j] = c;
  }
  let sum = 0;
  for (let c = 0; c < n; c++) sum += Math.exp(((scores[c] as number) - max) * scale);
  const out = new Array<RankedLabel>(count);
  for (let r = 0; r < count; r++) {
    const c = best[r] as number;
    out[r] = { name: labels[c] as string, score: Math.exp(((scores[c] as number) - max) * scale) / sum };
  }
  return out;
}
