/**
 * @module nlp/classifier/sparse-vector
 * A sparse vector: feature indices (ascending) and their values. Plain arrays or typed arrays:
 * `TfidfVectorizer` builds plain ones, as a small typed array costs about a microsecond to
 * allocate, more than the rest of a prediction's arithmetic.
 */

export interface SparseVector {
  indices: Int32Array | number[];
  values: Float64Array | number[];
}

/** Scales the vector to unit length in place (a zero vector stays zero). */
export function l2Normalize(v: SparseVector): SparseVector {
  let sum = 0;
  for (const x of v.values) sum += x * x;
  if (sum > 0) {
    const inv = 1 / Math.sqrt(sum);
    for (let i = 0; i < v.values.length; i++) v.values[i] = (v.values[i] as number) * inv;
  }
  return v;
}

/** Class scores or probabilities, in label order (plain arrays on the prediction path, for the same reason). */
export type Scores = Float64Array | number[];
