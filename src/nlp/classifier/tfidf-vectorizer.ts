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
 *
 * With `options.embeddings` the message's dense vector (`MessageEmbedder`, the shipped word
 * vectors) follows the sparse features, at indices `featureCount…size-1`, scaled to that length.
 */
import type { NluToken } from '../token-types';
import type { SparseVector } from './sparse-vector';
import { DEFAULT_FEATURE_OPTIONS } from './features';
import type { FeatureOptions } from './features';
import { featureHashes, unitHashes, visitGramSources, charGramHashes, latinWordHashes } from './feature-hashes';
import type { GramSink } from './feature-hashes';
import { HashIndex } from './hash-index';
import { hashFeature } from './feature-hash';
import { shippedEmbedder } from '../embeddings/message-embedder';
import type { MessageEmbedder } from '../embeddings/message-embedder';

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

/** Bound of the per-word n-gram cache (`latinGrams`): cleared when it reaches this many words. */
export const LATIN_WORDS_MAX = 20_000;

export class TfidfVectorizer {
  private readonly index: HashIndex;
  /** Reused by `transform` (synchronous, so never shared between calls). */
  private readonly scratch: number[] = [];
  /** Term counts by feature index, all zero between `transform` calls; allocated on first use. */
  private counts: Int32Array | undefined;
  /** The distinct feature indices of one `transform` call, as first seen, and how many. */
  private seen: Int32Array | undefined;
  private distinct = 0;
  /** The word hashes of one `transform` call. */
  private readonly words: number[] = [];
  /** Index of `w:<rare>`, or -1 when the feature is off (or training had no rare word). */
  private readonly rareFeature: number;
  /** 1 for the features of rare words. */
  private readonly isRare: Uint8Array;
  /**
   * A Latin word as written → the indices of its character n-grams the model knows, in hash
   * order: a word seen before costs no hashing and no `index` probes (most of an English text's
   * features are these n-grams; banking77 dev: transform 6.4 → 4.9 µs). Bounded by
   * `LATIN_WORDS_MAX`.
   */
  private readonly latinGrams = new Map<string, Int32Array>();
  /** The dense message vector's source (`options.embeddings`), or undefined. */
  private readonly embedder: MessageEmbedder | undefined;
  /** Counts the n-grams of each source `visitGramSources` finds. */
  private readonly gramSink: GramSink = {
    hanRun: (run) => {
      const hashes = this.scratch;
      hashes.length = 0;
      charGramHashes(run, this.options.hanChars[0], this.options.hanChars[1], hashes);
      for (let k = 0; k < hashes.length; k++) this.count(this.index.get(hashes[k] as number));
    },
    latinWord: (text) => {
      const grams = this.latinGrams.get(text) ?? this.cacheLatinGrams(text);
      for (let k = 0; k < grams.length; k++) this.count(grams[k] as number);
    },
  };

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
    this.embedder = options.embeddings ? shippedEmbedder(options.embeddingLangs) : undefined;
  }

  /** Number of features (the vector dimension): the sparse ones, then the dense message vector's. */
  get size(): number {
    return this.features.length + (this.embedder?.dim ?? 0);
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
    // The features are counted in `featureHashes` order: word unigrams and bigrams, then the
    // character n-grams of each source (Latin words' from `latinGrams`).
    const hashes = this.scratch;
    hashes.length = 0;
    const words = this.words;
    words.length = 0;
    const rareFeature = this.rareFeature;
    unitHashes(tokens, this.options, hashes, rareFeature >= 0 ? words : undefined);
    const counts = (this.counts ??= new Int32Array(this.features.length));
    const seen = (this.seen ??= new Int32Array(this.features.length + 1));
    this.distinct = 0;
    for (let k = 0; k < hashes.length; k++) this.count(this.index.get(hashes[k] as number));
    visitGramSources(tokens, this.gramSink);
    let distinct = this.distinct;
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
    if (this.embedder) {
      const dense = this.embedder.embed(tokens);
      const weight = this.options.embeddings as number;
      const at = this.features.length;
      for (let k = 0; k < dense.length; k++) {
        const x = dense[k] as number;
        if (x === 0) continue;
        indices.push(at + k);
        values.push(x * weight);
      }
    }
    return { indices, values };
  }

  /** One more occurrence of feature `i` (-1, a feature the model does not know, is skipped). */
  private count(i: number): void {
    if (i < 0) return;
    const counts = this.counts as Int32Array;
    if (counts[i] === 0) (this.seen as Int32Array)[this.distinct++] = i;
    counts[i] = (counts[i] as number) + 1;
  }

  private cacheLatinGrams(text: string): Int32Array {
    const hashes: number[] = [];
    latinWordHashes(text, this.options.latinChars[0], this.options.latinChars[1], hashes);
    const grams = Int32Array.from(hashes.map((h) => this.index.get(h)).filter((i) => i >= 0));
    if (this.latinGrams.size >= LATIN_WORDS_MAX) this.latinGrams.clear();
    this.latinGrams.set(text, grams);
    return grams;
  }

  /** How many words the per-word n-gram cache holds (at most `LATIN_WORDS_MAX`). */
  get cachedWords(): number {
    return this.latinGrams.size;
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
