/**
 * @module nlp/classifier/train-mlp
 * Trains the neural fallback (`Mlp`) with TensorFlow.js: the `inputs` features with the highest
 * χ² are the input layer (dense, unit length), one ReLU hidden layer with dropout, a softmax
 * output; Adam on mini-batches, stopped early when the loss on a held-out validation slice of the
 * training utterances stops falling (the weights of the best epoch are kept), or when the time
 * budget is spent.
 *
 * Why a selection of the features and not all of them: TensorFlow.js's WebAssembly backend has
 * no sparse gradient (`UnsortedSegmentSum`), so the input layer is a dense matrix product, and
 * on one core it runs at 2–3 GFLOP/s. With the 45,790 features of clinc150 one epoch would take
 * minutes; with 1,024 inputs and 128 hidden units it takes about 9 s on clinc150 (15,000
 * utterances) and 4 s on cais.
 */
import type { LabelledVector } from './naive-bayes';
import { Mlp } from './mlp';
import type { MlpJSON } from './mlp';
import { topFeaturesByChiSquare } from './chi-square';
import { seededRandom } from './folds';
import { loadTf } from './tf-backend';

export interface MlpOptions {
  /** Input features (highest χ² first). @default 1024 */
  inputs: number;
  /** Utterances an input feature must occur in. @default 3 */
  minDf: number;
  /** Hidden units. @default 128 */
  hidden: number;
  /** Dropout on the hidden layer while training. @default 0.3 */
  dropout: number;
  /** Adam learning rate. @default 0.003 */
  learningRate: number;
  /** Mini-batch size. @default 256 */
  batchSize: number;
  /** At most this many passes. @default 30 */
  maxEpochs: number;
  /** Stop after this many epochs without a lower validation loss. @default 2 */
  patience: number;
  /** Share of the training utterances held out for early stopping (stratified). @default 0.1 */
  validation: number;
  /** Stop after the epoch that passes this many seconds of training. @default 20 */
  maxSeconds: number;
  /** Seed of the initialisation, the split and the shuffles. @default 11 */
  seed: number;
}

export const DEFAULT_MLP_OPTIONS: MlpOptions = {
  inputs: 1024, minDf: 3, hidden: 128, dropout: 0.3, learningRate: 0.003, batchSize: 256, maxEpochs: 30, patience: 2, validation: 0.1, maxSeconds: 20, seed: 11,
};

/** Rows of dense, unit-length input for the chosen features. */
function denseRows(examples: readonly LabelledVector[], rows: readonly number[], inputOf: Int32Array, width: number): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((e, r) => {
    const { indices, values } = (examples[e] as LabelledVector).vector;
    let squares = 0;
    for (let k = 0; k < indices.length; k++) {
      const input = inputOf[indices[k] as number] as number;
      if (input < 0) continue;
      out[r * width + input] = values[k] as number;
      squares += (values[k] as number) ** 2;
    }
    if (squares > 0) for (let c = r * width, inv = 1 / Math.sqrt(squares); c < (r + 1) * width; c++) out[c] = (out[c] as number) * inv;
  });
  return out;
}

/** Every 1/share-th utterance of each label, after a seeded shuffle, goes to validation. */
function validationSplit(labels: readonly number[], share: number, seed: number): { fit: number[]; validation: number[] } {
  const random = seededRandom(seed);
  const order = labels.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const seen = new Map<number, number>();
  const fit: number[] = [];
  const validation: number[] = [];
  const every = Math.max(2, Math.round(1 / share));
  for (const i of order) {
    const k = seen.get(labels[i] as number) ?? 0;
    seen.set(labels[i] as number, k + 1);
    (k % every === every - 1 ? validation : fit).push(i);
  }
  return { fit, validation };
}

/**
 * @example const mlp = await trainMlp(examples, vectorizer.size, classifier.labels);
 * @param labels the output order (the linear classifier's, so probabilities line up)
 */
export async function trainMlp(examples: readonly LabelledVector[], dimension: number, labels: readonly string[], options: Partial<MlpOptions> = {}): Promise<Mlp> {
  const opts = { ...DEFAULT_MLP_OPTIONS, ...options };
  const tf = await loadTf();
  tf.enableProdMode();
  const started = Date.now();
  const inputs = topFeaturesByChiSquare(examples, dimension, opts.inputs, opts.minDf);
  const width = Math.max(1, inputs.length);
  const inputOf = new Int32Array(dimension).fill(-1);
  inputs.forEach((i, k) => (inputOf[i] = k));
  const at = new Map(labels.map((l, i) => [l, i]));
  const y = examples.map((e) => at.get(e.label) ?? -1);
  if (y.some((c) => c < 0)) throw new Error('trainMlp: an example has a label outside `labels`');
  const n = labels.length;
  const { fit, validation } = validationSplit(y, opts.validation, opts.seed);

  const glorot = (rows: number, cols: number, seed: number) => tf.randomUniform([rows, cols], -Math.sqrt(6 / (rows + cols)), Math.sqrt(6 / (rows + cols)), 'float32', seed);
  const w1 = tf.variable(glorot(width, opts.hidden, opts.seed));
  const b1 = tf.variable(tf.zeros([opts.hidden]));
  const w2 = tf.variable(glorot(opts.hidden, n, opts.seed + 1));
  const b2 = tf.variable(tf.zeros([n]));
  const optimizer = tf.train.adam(opts.learningRate);
  const batch = (rows: readonly number[]) => ({
    x: tf.tensor2d(denseRows(examples, rows, inputOf, width), [rows.length, width]),
    y: tf.oneHot(tf.tensor1d(rows.map((r) => y[r] as number), 'int32'), n),
  });
  const logits = (x: ReturnType<typeof tf.tensor2d>, dropout: number, seed: number) => {
    let h = tf.relu(tf.add(tf.matMul(x, w1), b1));
    if (dropout > 0) h = tf.dropout(h, dropout, undefined, seed);
    return tf.add(tf.matMul(h, w2), b2);
  };
  const val = validation.length > 0 ? batch(validation) : undefined;
  const random = seededRandom(opts.seed + 2);
  let best = { loss: Infinity, accuracy: 0, epoch: 0, weights: [] as Float32Array[] };
  let epochs = 0;
  try {
    for (let epoch = 0; epoch < opts.maxEpochs; epoch++) {
      epochs = epoch + 1;
      const order = [...fit];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (let from = 0; from < order.length; from += opts.batchSize) {
        const b = batch(order.slice(from, from + opts.batchSize));
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(b.y, logits(b.x, opts.dropout, opts.seed + epoch * 7919 + from)) as ReturnType<typeof tf.scalar>);
        tf.dispose([b.x, b.y]);
      }
      if (!val) {
        best = { loss: 0, accuracy: 0, epoch, weights: [w1, b1, w2, b2].map((w) => Float32Array.from(w.dataSync() as Float32Array)) };
      } else {
        const [loss, accuracy] = tf.tidy(() => {
          const z = logits(val.x, 0, 0);
          const right = tf.mean(tf.cast(tf.equal(tf.argMax(z, 1), tf.argMax(val.y, 1)), 'float32'));
          return [tf.losses.softmaxCrossEntropy(val.y, z).dataSync()[0] as number, right.dataSync()[0] as number];
        });
        if (loss < best.loss) best = { loss, accuracy, epoch, weights: [w1, b1, w2, b2].map((w) => Float32Array.from(w.dataSync() as Float32Array)) };
        else if (epoch - best.epoch >= opts.patience) break;
      }
      if ((Date.now() - started) / 1000 > opts.maxSeconds) break;
    }
  } finally {
    tf.dispose([w1, b1, w2, b2, ...(val ? [val.x, val.y] : [])]);
    optimizer.dispose();
  }
  const [bw1, bb1, bw2, bb2] = best.weights as [Float32Array, Float32Array, Float32Array, Float32Array];
  // Rounded as stored, so a model read back predicts exactly the same.
  const round = (w: Float32Array) => Array.from(w, (x) => Math.round(x * 1e6) / 1e6 || 0); // || 0: no -0, which JSON cannot keep
  const json: MlpJSON = {
    inputs,
    hidden: opts.hidden,
    labels: [...labels],
    w1: round(bw1).slice(0, inputs.length * opts.hidden),
    b1: round(bb1),
    w2: round(bw2),
    b2: round(bb2),
    training: { epochs, seconds: Math.round((Date.now() - started) / 100) / 10, validationAccuracy: best.accuracy, validationLoss: best.loss, backend: tf.getBackend() },
  };
  return new Mlp(json, dimension);
}
