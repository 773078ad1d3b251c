/**
 * @module nlp/classifier/tfidf-vectorizer
 * Feature strings → sparse TF-IDF vectors: sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), L2-normalised. Features unseen in training are ignored.
 */
import type { NluToken } from '../token-types';
import type { SparseVector } from './sparse-vector';
import { l2Normalize } from './sparse-vector';
import { extractFeatures, DEFAULT_FEATURE_OPTIONS } from './features';
import type { FeatureOptions } from './features';

export interface TfidfVectorizerJSON {
  options: FeatureOptions;
  features: string[];
  idf: number[];
}

export class TfidfVectorizer {
  private readonly index: Map<string, number>;

  private constructor(
    readonly options: FeatureOptions,
    private readonly features: string[],
    private readonly idf: Float64Array,
  ) {
    this.index = new Map(features.map((f, i) => [f, i]));
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
    const df = new Map<string, number>();
    for (const doc of docs) for (const f of new Set(extractFeatures(doc, options))) df.set(f, (df.get(f) ?? 0) + 1);
    const features = [...df.keys()].sort();
    const n = docs.length;
    // Rounded as toJSON stores them, so a model read back predicts exactly the same.
    const idf = Float64Array.from(features, (f) => Math.round((Math.log((1 + n) / (1 + (df.get(f) as number))) + 1) * 1e6) / 1e6);
    return new TfidfVectorizer(options, features, idf);
  }

  transform(tokens: readonly NluToken[]): SparseVector {
    // Known feature indices, sorted, then counted in runs: cheaper than a Map per call.
    const features = extractFeatures(tokens, this.options);
    const hits = new Int32Array(features.length);
    let n = 0;
    for (const f of features) {
      const i = this.index.get(f);
      if (i !== undefined) hits[n++] = i;
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
    return new TfidfVectorizer(json.options, json.features, Float64Array.from(json.idf));
  }
}
