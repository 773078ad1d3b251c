/**
 * @module nlp/classifier/mlp
 * The neural fallback at prediction time: a one-hidden-layer perceptron over a selection of the
 * TF-IDF features (ReLU, then softmax). It is trained with TensorFlow.js (`train-mlp.ts`); here
 * its stored weights are applied by plain loops, synchronously and without a TensorFlow backend,
 * so a loaded model predicts without TensorFlow.js being initialised. The first layer is walked
 * only for the input's present features (a chat message has a few dozen of the thousand inputs).
 */
import type { SparseVector } from './sparse-vector';

export interface MlpJSON {
  /** Vectorizer feature index of each input, in input order. */
  inputs: number[];
  hidden: number;
  labels: string[];
  /** Input-major first layer: `w1[k * hidden + j]`. */
  w1: number[];
  b1: number[];
  /** Hidden-major output layer: `w2[j * labels + c]`. */
  w2: number[];
  b2: number[];
  /** How training went, for the record. */
  training?: { epochs: number; seconds: number; validationAccuracy: number; validationLoss: number; backend: string };
}

export class Mlp {
  /** Input number of each vectorizer feature, or -1 when the feature is not an input. */
  private readonly inputOf: Int32Array;
  private readonly w1: Float32Array;
  private readonly b1: Float32Array;
  private readonly w2: Float32Array;
  private readonly b2: Float32Array;
  private readonly h: Float64Array;

  constructor(
    private readonly json: MlpJSON,
    dimension: number,
  ) {
    const { inputs, hidden, labels } = json;
    const ok =
      Array.isArray(inputs) && Array.isArray(labels) && Number.isInteger(hidden) && hidden > 0 &&
      json.w1?.length === inputs.length * hidden && json.b1?.length === hidden &&
      json.w2?.length === hidden * labels.length && json.b2?.length === labels.length &&
      inputs.every((i) => Number.isInteger(i) && i >= 0 && i < dimension);
    if (!ok) throw new Error('invalid mlp json: inputs, hidden, labels and the weight shapes do not agree');
    this.inputOf = new Int32Array(dimension).fill(-1);
    inputs.forEach((i, k) => (this.inputOf[i] = k));
    this.w1 = Float32Array.from(json.w1);
    this.b1 = Float32Array.from(json.b1);
    this.w2 = Float32Array.from(json.w2);
    this.b2 = Float32Array.from(json.b2);
    this.h = new Float64Array(hidden);
  }

  get labels(): readonly string[] {
    return this.json.labels;
  }

  /**
   * Class probabilities in `labels` order, written into `out`. The input is the vector's
   * selected features, scaled to unit length as in training.
   */
  probabilitiesInto(v: SparseVector, out: Float64Array): void {
    const { inputOf, w1, b1, w2, b2, h } = this;
    const hidden = h.length;
    const n = b2.length;
    let squares = 0;
    for (let k = 0; k < v.indices.length; k++) if ((inputOf[v.indices[k] as number] as number) >= 0) squares += (v.values[k] as number) ** 2;
    const inv = squares > 0 ? 1 / Math.sqrt(squares) : 0;
    for (let j = 0; j < hidden; j++) h[j] = b1[j] as number;
    for (let k = 0; k < v.indices.length; k++) {
      const input = inputOf[v.indices[k] as number] as number;
      if (input < 0) continue;
      const x = (v.values[k] as number) * inv;
      const base = input * hidden;
      for (let j = 0; j < hidden; j++) h[j] = (h[j] as number) + x * (w1[base + j] as number);
    }
    for (let c = 0; c < n; c++) out[c] = b2[c] as number;
    for (let j = 0; j < hidden; j++) {
      const a = h[j] as number;
      if (a <= 0) continue; // ReLU
      const base = j * n;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) + a * (w2[base + c] as number);
    }
    let max = -Infinity;
    for (let c = 0; c < n; c++) if ((out[c] as number) > max) max = out[c] as number;
    let sum = 0;
    for (let c = 0; c < n; c++) sum += out[c] = Math.exp((out[c] as number) - max);
    for (let c = 0; c < n; c++) out[c] = (out[c] as number) / sum;
  }

  toJSON(): MlpJSON {
    return this.json;
  }
}
