/**
 * @module nlp/classifier/naive-bayes
 * Naive Bayes on sparse TF-IDF vectors, multinomial (default) or complement (Rennie et al. 2003:
 * each class is scored by how badly the *other* classes explain the input, with weight
 * normalisation). Measured on the dev splits (same features, argmax accuracy): multinomial with
 * α = 0.1 scored clinc150 90.1%, banking77 90.7%, kefu's English tests 91.9%; complement with
 * weight normalisation 84.2%, 80.7% and 86.8%. Uniform class priors: intent corpora are
 * roughly balanced and a prior would only push rare intents away. Scores are turned into
 * probabilities by a softmax with a fitted temperature, so a threshold on them means something.
 */
import { byLabel, softmaxInPlace } from './softmax';
import type { Scores, SparseVector } from './sparse-vector';
import { LinearScorer } from './linear-scorer';

export interface LabelledVector {
  vector: SparseVector;
  label: string;
}

export type NaiveBayesVariant = 'multinomial' | 'complement';

export interface NaiveBayesOptions {
  /** Which naive Bayes. @default 'multinomial' */
  variant: NaiveBayesVariant;
  /** Additive smoothing. @default 0.1 */
  alpha: number;
  /** Softmax sharpness: probabilities are softmax(scale × score). @default 20 */
  scale: number;
}

export const DEFAULT_NB_OPTIONS: NaiveBayesOptions = { variant: 'multinomial', alpha: 0.1, scale: 20 };

export interface NaiveBayesJSON {
  options: NaiveBayesOptions;
  dimension: number;
  labels: string[];
  /** Per label: summed feature weights of its training vectors, sparse as [index, value] pairs. */
  sums: [number, number][][];
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export class NaiveBayes {
  /**
   * Scores with the weights of `computeWeights`: every feature has one for every class, so all
   * rows are dense, added like logistic regression's (WebAssembly kernel where there is one).
   * Scores bit-identical to the plain loop it replaced; banking77 dev through `recognizeSync`
   * with `classifier: 'naive-bayes'` went from 15,490 to 33,387 predictions/s (best of 5 passes,
   * same process, this commit against the start of the session's speed work).
   */
  private scorer!: LinearScorer;

  private constructor(
    private options: NaiveBayesOptions,
    private readonly dimension: number,
    readonly labels: string[],
    private readonly sums: Map<number, number>[],
  ) {
    this.computeWeights();
  }

  /**
   * @example const nb = NaiveBayes.train(examples, vectorizer.size); nb.predict(vector)
   */
  static train(examples: readonly LabelledVector[], dimension: number, options: Partial<NaiveBayesOptions> = {}): NaiveBayes {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const at = new Map(labels.map((l, i) => [l, i]));
    const sums = labels.map(() => new Map<number, number>());
    for (const { vector, label } of examples) {
      const s = sums[at.get(label) as number] as Map<number, number>;
      for (let k = 0; k < vector.indices.length; k++) {
        const i = vector.indices[k] as number;
        s.set(i, (s.get(i) ?? 0) + (vector.values[k] as number));
      }
    }
    // Rounded as toJSON stores them, so a model read back predicts exactly the same.
    for (const s of sums) for (const [i, v] of s) s.set(i, round6(v));
    return new NaiveBayes({ ...DEFAULT_NB_OPTIONS, ...options }, dimension, labels, sums);
  }

  /** Changes the softmax sharpness (fitted after training on held-out scores). */
  setScale(scale: number): void {
    this.options = { ...this.options, scale };
  }

  get scale(): number {
    return this.options.scale;
  }

  private computeWeights(): void {
    const { dimension: d, labels } = this;
    const alpha = this.options.alpha;
    const total = new Float64Array(d);
    for (const s of this.sums) for (const [i, v] of s) total[i] = (total[i] as number) + v;
    let grand = 0;
    for (const v of total) grand += v;
    const n = labels.length;
    // weights[i * n + c]: the (normalised) weight of feature i for class c, feature-major.
    const weights = new Float32Array(n * d);
    for (let c = 0; c < labels.length; c++) {
      const own = this.sums[c] as Map<number, number>;
      let ownTotal = 0;
      for (const v of own.values()) ownTotal += v;
      if (this.options.variant !== 'complement') {
        // Multinomial: log P(feature | class), smoothed.
        const ownDenom = Math.log(ownTotal + alpha * d);
        for (let i = 0; i < d; i++) weights[i * n + c] = Math.log((own.get(i) ?? 0) + alpha) - ownDenom;
        continue;
      }
      const denom = grand - ownTotal + alpha * d;
      const w = new Float64Array(d);
      let norm = 0;
      for (let i = 0; i < d; i++) {
        w[i] = Math.log(((total[i] as number) - (own.get(i) ?? 0) + alpha) / denom);
        norm += Math.abs(w[i] as number);
      }
      // Weight normalisation keeps classes with many features from dominating.
      for (let i = 0; i < d; i++) weights[i * n + c] = (-(w[i] as number) / norm) * d;
    }
    // Uniform priors: no bias.
    this.scorer = new LinearScorer(new Float64Array(n), weights);
  }

  /** Raw class scores (higher is better), in `labels` order. */
  scores(v: SparseVector): Float64Array {
    const out = new Float64Array(this.labels.length);
    this.scoreInto(v, out);
    return out;
  }

  /** `scores` written into `out` (length ≥ labels): no allocation on the prediction path. */
  scoreInto(v: SparseVector, out: Float64Array): void {
    this.scorer.scoreInto(v, out);
  }

  /** Probabilities per label, softmax-normalised, in `labels` order. */
  probabilities(v: SparseVector, scale = this.options.scale): Scores {
    return softmaxInPlace(this.scores(v), scale);
  }

  /** @example nb.predict(v) // { 'order.status': 0.91, 'order.cancel': 0.03, … } */
  predict(v: SparseVector): Record<string, number> {
    return byLabel(this.labels, this.probabilities(v));
  }

  toJSON(): NaiveBayesJSON {
    return {
      options: this.options,
      dimension: this.dimension,
      labels: this.labels,
      sums: this.sums.map((s) => [...s].sort((a, b) => a[0] - b[0]).map(([i, v]) => [i, v] as [number, number])),
    };
  }

  static fromJSON(json: NaiveBayesJSON): NaiveBayes {
    if (!Array.isArray(json.labels) || !Array.isArray(json.sums) || json.labels.length !== json.sums.length) {
      throw new Error('invalid naive bayes json: labels and sums must be arrays of the same length');
    }
    return new NaiveBayes({ ...DEFAULT_NB_OPTIONS, ...json.options }, json.dimension, json.labels, json.sums.map((s) => new Map(s)));
  }
}
