/**
 * @module nlp/classifier/sparse-vector
 * A sparse vector: distinct feature indices (in no particular order) and their values. Plain
 * arrays or typed arrays: `TfidfVectorizer` builds plain ones, as a small typed array costs
 * about a microsecond to allocate, more than the rest of a prediction's arithmetic.
 */

export interface SparseVector {
  indices: Int32Array | number[];
  values: Float64Array | number[];
}

/** Class scores or probabilities, in label order. */
export type Scores = Float64Array | number[];
