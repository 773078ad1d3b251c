/**
 * @module nlp/sentiment/sentiment-model
 * The Chinese sentiment model at prediction time: a linear model over the hashed features the
 * intent classifier uses (`featureHashes`: jieba words and word bigrams, Han character 1–3-grams).
 * A message's distinct known features i get x_i = v_i (v: the per-feature value, the NB
 * log-count ratio by default, see `train-sentiment-model.ts`), x is L2-normalised, and
 * P(positive) = σ(bias + Σ x_i·w_i). Values and weights are stored quantised to 16 bits in
 * base64 beside the feature hashes, so the shipped file stays a few MB.
 */
import type { NluToken } from '../token-types';
import type { FeatureOptions } from '../classifier/features';
import { featureHashes } from '../classifier/feature-hashes';
import { HashIndex } from '../classifier/hash-index';

/** Metadata stored with a trained model (what it was trained on, when, and how well it did on dev). */
export interface SentimentModelMeta {
  trainedAt: string;
  trainingSets: { name: string; split: string; n: number }[];
  /** Dev accuracy per data set, 0…1. */
  devAccuracy: Record<string, number>;
  trainSeconds: number;
  [key: string]: unknown;
}

export interface SentimentModelJSON {
  format: typeof SENTIMENT_MODEL_FORMAT;
  meta: SentimentModelMeta;
  features: FeatureOptions;
  bias: number;
  /** Feature hashes, ascending, as little-endian Int32 in base64. */
  hashes: string;
  /** Per-feature values, Int16 in base64; value = q · valueScale. */
  values: string;
  valueScale: number;
  /** Per-feature weights, Int16 in base64; weight = q · weightScale. */
  weights: string;
  weightScale: number;
}

export const SENTIMENT_MODEL_FORMAT = 'kefu-sentiment/1';

const Q = 32767;

function toBase64(a: Int32Array | Int16Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function fromBase64<T extends Int32Array | Int16Array>(s: string, Type: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new Type(copy, 0, buf.byteLength / Type.BYTES_PER_ELEMENT);
}

/** Rounds `x` to 16-bit steps of `max|x| / 32767`. */
function quantize(x: Float64Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (const v of x) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / Q : 1;
  return { q: Int16Array.from(x, (v) => Math.round(v / scale)), scale };
}

export class SentimentModel {
  /**
   * Built on the first `logit`: the chat scores through `ZhSentimentModels`' merged table, so in a
   * server these never take memory.
   */
  private lookup?: { index: HashIndex; seenAt: Int32Array };
  /** Reused by `probability` (synchronous, never shared between calls). */
  private readonly scratch: number[] = [];
  private stamp = 0;

  private readonly values: Float32Array;
  private readonly weights: Float32Array;

  private constructor(
    readonly meta: SentimentModelMeta,
    readonly features: FeatureOptions,
    private readonly bias: number,
    private readonly hashes: Int32Array,
    private readonly quantized: { values: Int16Array; valueScale: number; weights: Int16Array; weightScale: number },
  ) {
    this.values = dequantize(quantized.values, quantized.valueScale);
    this.weights = dequantize(quantized.weights, quantized.weightScale);
  }

  /**
   * Builds a model from float values and weights; they are quantised as stored, so a model read
   * back predicts exactly the same.
   */
  static create(meta: SentimentModelMeta, features: FeatureOptions, bias: number, hashes: Int32Array, values: Float64Array, weights: Float64Array): SentimentModel {
    const v = quantize(values);
    const w = quantize(weights);
    return new SentimentModel(meta, features, bias, hashes, { values: v.q, valueScale: v.scale, weights: w.q, weightScale: w.scale });
  }

  /** The model's parts, read-only: feature hashes, their values and weights, and the bias. */
  parts(): { hashes: Int32Array; values: Float32Array; weights: Float32Array; bias: number } {
    return { hashes: this.hashes, values: this.values, weights: this.weights, bias: this.bias };
  }

  /** Number of features kept. */
  get size(): number {
    return this.hashes.length;
  }

  /**
   * The linear score (log-odds of positive) of a tokenised message; `null` when no feature of it
   * is known to the model (nothing to go on: neutral).
   */
  logit(tokens: readonly NluToken[]): number | null {
    const hashes = this.scratch;
    hashes.length = 0;
    featureHashes(tokens, this.features, hashes);
    return this.logitOfHashes(hashes);
  }

  /**
   * `logit` of the feature hashes `featureHashes(tokens, this.features)` already computed, so
   * two models with the same feature options hash a message once.
   */
  logitOfHashes(hashes: readonly number[]): number | null {
    this.lookup ??= { index: new HashIndex(this.hashes), seenAt: new Int32Array(this.hashes.length) };
    const { index, seenAt } = this.lookup;
    // Each distinct feature once (binary term frequency): a stamp per call instead of a Set.
    const stamp = ++this.stamp;
    if (stamp === 0x7fffffff) {
      seenAt.fill(0);
      this.stamp = 1;
    }
    let dot = 0;
    let squares = 0;
    for (let k = 0; k < hashes.length; k++) {
      const i = index.get(hashes[k] as number);
      if (i < 0 || seenAt[i] === this.stamp) continue;
      seenAt[i] = this.stamp;
      const x = this.values[i] as number;
      dot += x * (this.weights[i] as number);
      squares += x * x;
    }
    if (squares === 0) return null;
    return this.bias + dot / Math.sqrt(squares);
  }

  toJSON(): SentimentModelJSON {
    const q = this.quantized;
    return {
      format: SENTIMENT_MODEL_FORMAT,
      meta: this.meta,
      features: this.features,
      bias: this.bias,
      hashes: toBase64(this.hashes),
      values: toBase64(q.values),
      valueScale: q.valueScale,
      weights: toBase64(q.weights),
      weightScale: q.weightScale,
    };
  }

  static fromJSON(json: SentimentModelJSON): SentimentModel {
    if (json?.format !== SENTIMENT_MODEL_FORMAT) throw new Error(`not a kefu sentiment model (format ${JSON.stringify(json?.format)})`);
    const hashes = fromBase64(json.hashes, Int32Array);
    const values = fromBase64(json.values, Int16Array);
    const weights = fromBase64(json.weights, Int16Array);
    if (values.length !== hashes.length || weights.length !== hashes.length) throw new Error('invalid sentiment model: hashes, values and weights differ in length');
    return new SentimentModel(json.meta, json.features, json.bias, hashes, { values, valueScale: json.valueScale, weights, weightScale: json.weightScale });
  }
}

/** `q × scale` for each stored integer; a plain loop (`Float32Array.from` with a mapper was 3–9× slower at start-up). */
function dequantize(stored: Int16Array, scale: number): Float32Array {
  const out = new Float32Array(stored.length);
  for (let i = 0; i < stored.length; i++) out[i] = stored[i] * scale;
  return out;
}
