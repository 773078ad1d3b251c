/**
 * @module nlp/classifier/linear-scorer
 * The prediction-time layout of a sparse linear model (feature-major CSR weights, one bias per
 * class): `scores[c] = bias[c] + Σ x_i · w[i][c]` over the input's features. Features that
 * carry a weight for many classes (the common n-grams every text has) are copied into dense
 * rows; the rest stay compressed. Measured on clinc150 dev (median CPU time of scoring one
 * utterance): 20.5 µs plain CSR, 16 µs with dense rows for features weighted in at least a
 * quarter of the classes (3% of the features). Runs of dense features are then added as blocks,
 * by a WebAssembly SIMD kernel (`dense-rows-kernel.ts`) or, without WebAssembly, eight rows at
 * a time in JavaScript (`addRows`). The sums are taken in the same order as in plain CSR, so
 * scores are bit-identical whichever way they are added.
 */
import type { SparseVector } from './sparse-vector';
import { DenseRowsKernel } from './dense-rows-kernel';

/** Feature-major compressed rows: feature i's classes are `classes[rows[i]…rows[i+1])`. */
export interface SparseWeights {
  rows: Int32Array;
  classes: Uint16Array;
  values: Float32Array;
}

/** A feature is given a dense row when it has weights for at least this share of the classes. */
const DENSE_SHARE = 0.25;

/** The compressed rows of a scorer whose rows are all dense. */
const NO_WEIGHTS: SparseWeights = { rows: Int32Array.of(0), classes: new Uint16Array(0), values: new Float32Array(0) };

/** Dense features added in one go at most (a longer run is added in several blocks, in order). */
const BLOCK = 1024;

export interface LinearScorerOptions {
  /** Add dense rows with the WebAssembly SIMD kernel where the engine has one. @default true */
  wasm: boolean;
}

export class LinearScorer {
  /**
   * Where each feature's weights are, in one array so that a feature costs one cache line
   * before its weights (0.2–0.4 µs less per utterance than a dense-row array beside `rows`,
   * transform + score on the three dev sets): for a compressed row its start and end in
   * `weights`, for a dense row `-1 - offset` (offset = row × n) and 0.
   */
  private readonly where: Int32Array;
  /** Dense rows, `n` weights each (zeros included); in the kernel's memory when there is one. */
  private readonly dense: Float32Array;
  /** Adds blocks of dense rows (`dense-rows-kernel.ts`); undefined: `addBlock` does, in JavaScript. */
  private readonly kernel: DenseRowsKernel | undefined;
  /** Row offsets (row × n) and values of the dense features of one block (scratch). */
  private readonly blockBases: Int32Array;
  private readonly blockXs: Float64Array;
  /** The compressed rows (none when every row is dense). */
  private readonly weights: SparseWeights;

  /**
   * @param weights compressed rows, or every feature's weights for every class as one
   *   feature-major array (`weights[i * n + c]`, naive Bayes): all rows dense then.
   */
  constructor(
    private readonly bias: Float64Array,
    weights: SparseWeights | Float32Array,
    options: Partial<LinearScorerOptions> = {},
  ) {
    const n = bias.length;
    const allDense = weights instanceof Float32Array;
    this.weights = allDense ? NO_WEIGHTS : weights;
    const { rows, classes, values } = this.weights;
    const d = allDense ? weights.length / n : rows.length - 1;
    this.where = new Int32Array(2 * d);
    let count = 0;
    for (let i = 0; i < d; i++) {
      const [start, end] = allDense ? [0, n] : [rows[i] as number, rows[i + 1] as number];
      if (end - start >= DENSE_SHARE * n) this.where[2 * i] = -1 - n * count++;
      else [this.where[2 * i], this.where[2 * i + 1]] = [start, end];
    }
    this.kernel = count > 0 && options.wasm !== false ? DenseRowsKernel.create(n, count * n, BLOCK) : undefined;
    this.dense = this.kernel?.dense ?? new Float32Array(count * n);
    this.blockBases = this.kernel?.bases ?? new Int32Array(BLOCK);
    this.blockXs = this.kernel?.xs ?? new Float64Array(BLOCK);
    if (allDense) {
      this.dense.set(weights);
      return;
    }
    for (let i = 0; i < d; i++) {
      const offset = -1 - (this.where[2 * i] as number);
      if (offset < 0) continue;
      for (let j = rows[i] as number; j < (rows[i + 1] as number); j++) this.dense[offset + (classes[j] as number)] = values[j] as number;
    }
  }

  /** Whether dense rows are added by the WebAssembly kernel. */
  get usesWasm(): boolean {
    return this.kernel !== undefined;
  }

  /**
   * Writes the class scores of `v` into `out[0…classes)`.
   *
   * Consecutive dense features form a block, added by the kernel (or `addBlock`); a compressed
   * feature ends the block and is added on its own. Every class still receives its terms in
   * feature order, so the sums are those of feature-by-feature scoring. Measured (min of 60
   * passes over dev, same process, busy machine): banking77 (94 dense features of 100 per
   * utterance, 77 classes) 11.0 µs feature by feature, 8.2 in JavaScript blocks, 4.1 with the
   * kernel; clinc150 (57 of 70, 151 classes) 12.7, 10.3, 5.2 µs; cais 0.8 µs throughout.
   */
  scoreInto(v: SparseVector, out: Float64Array): void {
    const { bias, where, kernel } = this;
    const { classes, values } = this.weights;
    const n = bias.length;
    // The kernel adds into its own memory; the scores are copied out at the end.
    const scores = kernel ? kernel.out : out;
    for (let c = 0; c < n; c++) scores[c] = bias[c] as number;
    const indices = v.indices;
    const xs = v.values;
    const bases = this.blockBases;
    const bxs = this.blockXs;
    let size = 0;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      const start = where[2 * i] as number;
      if (start < 0) {
        bases[size] = -1 - start;
        bxs[size++] = xs[k] as number;
        if (size === BLOCK) size = this.addBlock(size, scores);
        continue;
      }
      if (size > 0) size = this.addBlock(size, scores);
      const x = xs[k] as number;
      for (let j = start, end = where[2 * i + 1] as number; j < end; j++) {
        const c = classes[j] as number;
        scores[c] = (scores[c] as number) + x * (values[j] as number);
      }
    }
    if (size > 0) this.addBlock(size, scores);
    if (kernel) out.set(scores);
  }

  /** Adds the block's `size` rows to `scores`, by the kernel or in JavaScript; 0, the new block size. */
  private addBlock(size: number, scores: Float64Array): number {
    if (this.kernel) this.kernel.add(size);
    else this.addRows(size, scores);
    return 0;
  }

  /**
   * Adds the first `size` dense rows of the block scratch to every class of `out`, eight rows
   * per walk over the classes (then four, two, one): `out[c]` is read and written once per
   * walk, and its terms are added left to right, in feature order.
   */
  private addRows(size: number, out: Float64Array): void {
    const { dense, blockBases: b, blockXs: x } = this;
    const n = this.bias.length;
    let m = 0;
    for (; m + 8 <= size; m += 8) {
      const b0 = b[m] as number, b1 = b[m + 1] as number, b2 = b[m + 2] as number, b3 = b[m + 3] as number;
      const b4 = b[m + 4] as number, b5 = b[m + 5] as number, b6 = b[m + 6] as number, b7 = b[m + 7] as number;
      const x0 = x[m] as number, x1 = x[m + 1] as number, x2 = x[m + 2] as number, x3 = x[m + 3] as number;
      const x4 = x[m + 4] as number, x5 = x[m + 5] as number, x6 = x[m + 6] as number, x7 = x[m + 7] as number;
      for (let c = 0; c < n; c++) {
        out[c] = (out[c] as number) +
          x0 * (dense[b0 + c] as number) + x1 * (dense[b1 + c] as number) + x2 * (dense[b2 + c] as number) + x3 * (dense[b3 + c] as number) +
          x4 * (dense[b4 + c] as number) + x5 * (dense[b5 + c] as number) + x6 * (dense[b6 + c] as number) + x7 * (dense[b7 + c] as number);
      }
    }
    if (m + 4 <= size) {
      const b0 = b[m] as number, b1 = b[m + 1] as number, b2 = b[m + 2] as number, b3 = b[m + 3] as number;
      const x0 = x[m] as number, x1 = x[m + 1] as number, x2 = x[m + 2] as number, x3 = x[m + 3] as number;
      for (let c = 0; c < n; c++) {
        out[c] = (out[c] as number) + x0 * (dense[b0 + c] as number) + x1 * (dense[b1 + c] as number) + x2 * (dense[b2 + c] as number) + x3 * (dense[b3 + c] as number);
      }
      m += 4;
    }
    if (m + 2 <= size) {
      const b0 = b[m] as number, b1 = b[m + 1] as number;
      const x0 = x[m] as number, x1 = x[m + 1] as number;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) + x0 * (dense[b0 + c] as number) + x1 * (dense[b1 + c] as number);
      m += 2;
    }
    if (m < size) {
      const b0 = b[m] as number;
      const x0 = x[m] as number;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) + x0 * (dense[b0 + c] as number);
    }
  }
}
