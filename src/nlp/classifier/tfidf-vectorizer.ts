/**
 * @module nlp/classifier/tfidf-vectorizer
 * Feature strings → sparse TF-IDF vectors: sublinear term frequency (1 + ln tf), smoothed idf
 * (ln((1 + N) / (1 + df)) + 1), L2-normalised. Features unseen in training are ignored.
 * Features are kept as their 32-bit hashes (`featureHashes`): no strings are built or looked up
 * per prediction, and the model stores numbers. Two features with one hash share a dimension.
 *
 * One more feature, `w:<rare>`, counts the words (Chinese or Latin) of an utterance that
 * training saw in at most `options.rare` utterances, or never: it lets the model learn how much
 * unfamiliar vocabulary says "out of scope". In training the hapaxes stand in for the unknown
 * words of later messages (as unknown-word tokens do in neural NLP).
 */
import type { NluToken } from '../token-types';
import type { SparseVector } from './sparse-vector';
import { DEFAULT_FEATURE_OPTIONS } from './features';
import type { FeatureOptions } from './features';
import { featureHashes } from './feature-hashes';
import { HashIndex } from './hash-index';
import { hashFeature } from './feature-hash';

export interface TfidfVectorizerJSON {
  options: FeatureOptions;
  /** Feature hashes (`hashFeature`), ascending. */
  features: number[];
  idf: number[];
  /** Indices of the rare words' features (seen in at most `options.rare` utterances). */
  rare?: number[];
}

/** The hash of the rare-word feature. */
const RARE = hashFeature('w:<rare>');

export class TfidfVectorizer {
  private readonly index: HashIndex;
  /** Reused by `transform` (synchronous, so never shared between calls). */
  private readonly scratch: number[] = [];
  /** Term counts by feature index, all zero between `transform` calls; allocated on first use. */
  private counts: Int32Array | undefined;
  /** The distinct feature indices of one `transform` call. */
  private seen = new Int32Array(256);
  /** The word hashes of one `transform` call. */
  private readonly words: number[] = [];
  /** Index of `w:<rare>`, or -1 when the feature is off (or training had no rare word). */
  private readonly rareFeature: number;
  /** 1 for the features of rare words. */
  private readonly isRare: Uint8Array;

  private constructor(
    readonly options: FeatureOptions,
    private readonly features: number[],
    private readonly idf: Float64Array,
    private readonly rare: readonly number[],
  ) {
    this.index = new HashIndex(features);
    this.rareFeature = options.rare ? this.index.get(RARE) : -1;
    this.isRare = new Uint8Array(features.length);
    for (const i of rare) this.isRare[i] = 1;
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
    const docWords: number[][] = [];
    for (const doc of docs) {
      const words: number[] = [];
      for (const f of new Set(featureHashes(doc, options, [], words))) df.set(f, (df.get(f) ?? 0) + 1);
      docWords.push(words);
    }
    const rareMax = options.rare ?? 0;
    const isRare = (h: number): boolean => (df.get(h) as number) <= rareMax;
    const withRare = rareMax > 0 ? docWords.filter((words) => words.some(isRare)).length : 0;
    if (withRare > 0) df.set(RARE, withRare);
    const features = [...df.keys()].sort((a, b) => a - b);
    const n = docs.length;
    // Rounded as toJSON stores them, so a model read back predicts exactly the same.
    const idf = Float64Array.from(features, (f) => Math.round((Math.log((1 + n) / (1 + (df.get(f) as number))) + 1) * 1e6) / 1e6);
    const rareWords = new Set(rareMax > 0 ? docWords.flat().filter(isRare) : []);
    const rare = features.flatMap((f, i) => (rareWords.has(f) ? [i] : []));
    return new TfidfVectorizer(options, features, idf, rare);
  }

  transform(tokens: readonly NluToken[]): SparseVector {
    // Counts in a dense scratch array, the distinct indices listed as first seen, then the
    // scratch counts reset: no Map and no string per call. The indices are left in the order
    // first seen: scoring does not need them sorted, and sorting cost a third of the transform.
    const hashes = this.scratch;
    hashes.length = 0;
    const words = this.words;
    words.length = 0;
    const rareFeature = this.rareFeature;
    featureHashes(tokens, this.options, hashes, rareFeature >= 0 ? words : undefined);
    const counts = (this.counts ??= new Int32Array(this.features.length));
    if (this.seen.length <= hashes.length) this.seen = new Int32Array(hashes.length * 2 + 1);
    const seen = this.seen;
    let distinct = 0;
    for (let k = 0; k < hashes.length; k++) {
      const i = this.index.get(hashes[k] as number);
      if (i < 0) continue;
      if (counts[i] === 0) seen[distinct++] = i;
      counts[i] = (counts[i] as number) + 1;
    }
    if (rareFeature >= 0) {
      let rare = 0;
      for (let k = 0; k < words.length; k++) {
        const i = this.index.get(words[k] as number);
        if (i < 0 || this.isRare[i] === 1) rare++;
      }
      if (rare > 0) {
        seen[distinct++] = rareFeature;
        counts[rareFeature] = rare;
      }
    }
    const indices = new Array<number>(distinct);
    const values = new Array<number>(distinct);
    let squares = 0;
    for (let k = 0; k < distinct; k++) {
      const i = seen[k] as number;
      const tf = counts[i] as number;
      counts[i] = 0;
      indices[k] = i;
      const x = (tf === 1 ? 1 : 1 + Math.log(tf)) * (this.idf[i] as number);
      values[k] = x;
      squares += x * x;
    }
    // L2 normalisation (a vector of unseen features stays empty).
    if (squares > 0) {
      const inv = 1 / Math.sqrt(squares);
      for (let k = 0; k < distinct; k++) values[k] = (values[k] as number) * inv;
    }
    return { indices, values };
  }

  toJSON(): TfidfVectorizerJSON {
    return { options: this.options, features: this.features, idf: Array.from(this.idf), ...(this.rare.length ? { rare: [...this.rare] } : {}) };
  }

  static fromJSON(json: TfidfVectorizerJSON): TfidfVectorizer {
    if (!Array.isArray(json.features) || !Array.isArray(json.idf) || json.features.length !== json.idf.length) {
      throw new Error('invalid vectorizer json: features and idf must be arrays of the same length');
    }
    if (!json.features.every((f) => Number.isInteger(f) && (f | 0) === f)) {
      throw new Error('invalid vectorizer json: features must be 32-bit feature hashes');
    }
    const rare = json.rare ?? [];
    if (!Array.isArray(rare) || !rare.every((i) => Number.isInteger(i) && i >= 0 && i < json.features.length)) {
      throw new Error('invalid vectorizer json: rare must list feature indices');
    }
    return new TfidfVectorizer(json.options, json.features, Float64Array.from(json.idf), rare);
  }
}
