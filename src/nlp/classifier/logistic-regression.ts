/**
 * @module nlp/classifier/logistic-regression
 * Multinomial logistic regression (softmax regression) on sparse vectors, trained by SGD with L2
 * regularisation. The L2 decay is kept as one global scale factor, so a step only touches the
 * weights of the features present in the example (Bottou's trick).
 */
import type { SparseVector } from './sparse-vector';
import type { LabelledVector } from './naive-bayes';
import { seededRandom } from './folds';

export interface LogisticRegressionOptions {
  /** Passes over the training data. @default 30 */
  epochs: number;
  /** Initial learning rate. @default 0.5 */
  learningRate: number;
  /** L2 strength per example. @default 1e-5 */
  l2: number;
  /** Shuffle seed. @default 7 */
  seed: number;
  /** Softmax sharpness applied on top of the learnt scores. @default 1 */
  scale: number;
}

export const DEFAULT_LR_OPTIONS: LogisticRegressionOptions = { epochs: 30, learningRate: 0.5, l2: 1e-5, seed: 7, scale: 1 };

export interface LogisticRegressionJSON {
  options: LogisticRegressionOptions;
  dimension: number;
  labels: string[];
  bias: number[];
  /** Weights, feature-major (`weights[i * labels + c]`), rounded. */
  weights: number[];
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export class LogisticRegression {
  private constructor(
    private options: LogisticRegressionOptions,
    private readonly dimension: number,
    readonly labels: string[],
    private readonly bias: Float64Array,
    private readonly weights: Float32Array,
  ) {}

  static train(examples: readonly LabelledVector[], dimension: number, options: Partial<LogisticRegressionOptions> = {}): LogisticRegression {
    const opts = { ...DEFAULT_LR_OPTIONS, ...options };
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const n = labels.length;
    const at = new Map(labels.map((l, i) => [l, i]));
    const w = new Float64Array(dimension * n);
    const bias = new Float64Array(n);
    const order = examples.map((_, i) => i);
    const random = seededRandom(opts.seed);
    const p = new Float64Array(n);
    let scale = 1; // true weights = scale × w
    let t = 0;
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const idx of order) {
        const { vector, label } = examples[idx] as LabelledVector;
        const y = at.get(label) as number;
        const lr = opts.learningRate / (1 + opts.learningRate * opts.l2 * t++);
        // Forward pass.
        for (let c = 0; c < n; c++) p[c] = bias[c] as number;
        for (let k = 0; k < vector.indices.length; k++) {
          const base = (vector.indices[k] as number) * n;
          const x = (vector.values[k] as number) * scale;
          for (let c = 0; c < n; c++) p[c] = (p[c] as number) + x * (w[base + c] as number);
        }
        let max = -Infinity;
        for (let c = 0; c < n; c++) if ((p[c] as number) > max) max = p[c] as number;
        let sum = 0;
        for (let c = 0; c < n; c++) sum += p[c] = Math.exp((p[c] as number) - max);
        // Gradient step: decay everything through the scale, then move the present features.
        scale *= 1 - lr * opts.l2;
        if (scale < 1e-9) {
          for (let i = 0; i < w.length; i++) w[i] = (w[i] as number) * scale;
          scale = 1;
        }
        for (let c = 0; c < n; c++) {
          const g = (p[c] as number) / sum - (c === y ? 1 : 0);
          p[c] = g;
          bias[c] = (bias[c] as number) - lr * g;
        }
        for (let k = 0; k < vector.indices.length; k++) {
          const base = (vector.indices[k] as number) * n;
          const step = (lr * (vector.values[k] as number)) / scale;
          for (let c = 0; c < n; c++) w[base + c] = (w[base + c] as number) - step * (p[c] as number);
        }
      }
    }
    // Stored rounded, so a model read back from JSON predicts exactly the same.
    const weights = Float32Array.from(w, (x) => round(x * scale));
    return new LogisticRegression(opts, dimension, labels, Float64Array.from(bias, round), weights);
  }

  setScale(scale: number): void {
    this.options = { ...this.options, scale };
  }

  get scale(): number {
    return this.options.scale;
  }

  /** Raw class scores (logits), in `labels` order. */
  scores(v: SparseVector): Float64Array {
    const n = this.labels.length;
    const out = Float64Array.from(this.bias);
    const w = this.weights;
    for (let k = 0; k < v.indices.length; k++) {
      const base = (v.indices[k] as number) * n;
      const x = v.values[k] as number;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) + x * (w[base + c] as number);
    }
    return out;
  }

  probabilities(v: SparseVector, scale = this.options.scale): Float64Array {
    const s = this.scores(v);
    let max = -Infinity;
    for (const x of s) if (x > max) max = x;
    let sum = 0;
    for (let c = 0; c < s.length; c++) sum += s[c] = Math.exp(((s[c] as number) - max) * scale);
    for (let c = 0; c < s.length; c++) s[c] = (s[c] as number) / sum;
    return s;
  }

  predict(v: SparseVector): Record<string, number> {
    const p = this.probabilities(v);
    const out: Record<string, number> = {};
    this.labels.forEach((l, c) => (out[l] = p[c] as number));
    return out;
  }

  toJSON(): LogisticRegressionJSON {
    return { options: this.options, dimension: this.dimension, labels: this.labels, bias: Array.from(this.bias), weights: Array.from(this.weights) };
  }

  static fromJSON(json: LogisticRegressionJSON): LogisticRegression {
    if (!Array.isArray(json.labels) || !Array.isArray(json.weights) || json.weights.length !== json.labels.length * json.dimension) {
      throw new Error('invalid logistic regression json: weights must hold labels × dimension numbers');
    }
    return new LogisticRegression(json.options, json.dimension, json.labels, Float64Array.from(json.bias), Float32Array.from(json.weights));
  }
}
