/**
 * @module nlp/classifier/tfidf-vectorizer
 * Feature strings → sparse TF-IDF vectors: sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), L2-normalised. Features unseen in training are ignored.
 * Features are kept as their 32-bit hashes (`featureHashes`): no strings are built or looked up
 * per prediction, and the model stores numbers. Two features with one hash share a dimension.
 */
import type { NluToken } from '../token-types';
import type { SparseVector } from './sparse-vector';
import { l2Normalize } from './sparse-vector';
import { DEFAULT_FEATURE_OPTIONS } from './features';
import type { FeatureOptions } from './features';
import { featureHashes } from './feature-hashes';
import { HashIndex } from './hash-index';

export interface TfidfVectorizerJSON {
  options: FeatureOptions;
  /** Feature hashes (`hashFeature`), ascending. */
  features: number[];
  idf: number[];
}

export class TfidfVectorizer {
  private readonly index: HashIndex;
  /** Reused by `transform` (synchronous, so never shared between calls). */
  private readonly scratch: number[] = [];

  private constructor(
    readonly options: FeatureOptions,
    private readonly features: number[],
    private readonly idf: Float64Array,
  ) {
    this.index = new HashIndex(features);
  }

  /** Number of features (the vector dimension). */
  get size(): number {
    return this.features.length;
  }

  /**
   * Learns the vocabulary and idf from tokenised documents.
   * @example const v = TfidfVectorizer.fit(texts.map(tokenize)); v.transform(tokenize('hi'))
   */
  static fit(docs: readonly (readonly NluToken[])[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): TfidfVectorizer {
    const df = new Map<number, number>();
    for (const doc of docs) for (const f of new Set(featureHashes(doc, options))) df.set(f, (df.get(f) ?? 0) + 1);
    const features = [...df.keys()].sort((a, b) => a - b);
    const n = docs.length;
    // Rounded as toJSON stores them, so a model read back predicts exactly the same.
    const idf = Float64Array.from(features, (f) => Math.round((Math.log((1 + n) / (1 + (df.get(f) as number))) + 1) * 1e6) / 1e6);
    return new TfidfVectorizer(options, features, idf);
  }

  transform(tokens: readonly NluToken[]): SparseVector {
    // Known feature indices, sorted, then counted in runs: cheaper than a Map per call.
    const features = this.scratch;
    features.length = 0;
    featureHashes(tokens, this.options, features);
    const hits = new Int32Array(features.length);
    let n = 0;
    for (let k = 0; k < features.length; k++) {
      const i = this.index.get(features[k] as number);
      if (i >= 0) hits[n++] = i;
    }
    const sorted = hits.subarray(0, n).sort();
    let distinct = 0;
    for (let k = 0; k < n; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const indices = new Int32Array(distinct);
    const values = new Float64Array(distinct);
    let j = -1;
    for (let k = 0; k < n; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) indices[++j] = sorted[k] as number;
      values[j] = (values[j] as number) + 1;
    }
    for (let k = 0; k < distinct; k++) values[k] = (1 + Math.log(values[k] as number)) * (this.idf[indices[k] as number] as number);
    return l2Normalize({ indices, values });
  }

  toJSON(): TfidfVectorizerJSON {
    return { options: this.options, features: this.features, idf: Array.from(this.idf) };
  }

  static fromJSON(json: TfidfVectorizerJSON): TfidfVectorizer {
    if (!Array.isArray(json.features) || !Array.isArray(json.idf) || json.features.length !== json.idf.length) {
      throw new Error('invalid vectorizer json: features and idf must be arrays of the same length');
    }
    if (!json.features.every((f) => Number.isInteger(f) && (f | 0) === f)) {
      throw new Error('invalid vectorizer json: features must be 32-bit feature hashes');
    }
    return new TfidfVectorizer(json.options, json.features, Float64Array.from(json.idf));
  }
}
