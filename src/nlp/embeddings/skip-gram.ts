/**
 * @module nlp/embeddings/skip-gram
 * Skip-gram with negative sampling (Mikolov et al. 2013), in plain TypeScript: for each word,
 * each context word within a random window of up to `window` words is pushed towards it and
 * `negatives` words drawn from the unigram^0.75 distribution are pushed away. Frequent words are
 * subsampled. Deterministic for a seed (one thread, a seeded generator).
 */
import { seededRandom } from '../classifier/folds';

export interface SkipGramOptions {
  /** Vector dimension. @default 64 */
  dim: number;
  /** Largest context window on each side (each word draws 1…window). @default 4 */
  window: number;
  /** Negative samples per context word. @default 5 */
  negatives: number;
  /** Passes over the corpus. @default 3 */
  epochs: number;
  /** Starting learning rate, decayed linearly to 1/10,000 of it. @default 0.025 */
  rate: number;
  /** Subsampling threshold: a word of share f is kept with probability √(t/f) + t/f. @default 1e-4 */
  subsample: number;
  /** @default 1 */
  seed: number;
}

export const DEFAULT_SKIP_GRAM: SkipGramOptions = { dim: 64, window: 4, negatives: 5, epochs: 3, rate: 0.025, subsample: 1e-4, seed: 1 };

/**
 * Trains word vectors on sentences of word ids (0…counts.length-1); `counts` are the ids'
 * corpus frequencies. Returns the input vectors, `counts.length × dim`.
 */
export function trainSkipGram(sentences: readonly Int32Array[], counts: readonly number[], options: Partial<SkipGramOptions> = {}, onEpoch?: (epoch: number) => void): Float32Array {
  const o = { ...DEFAULT_SKIP_GRAM, ...options };
  const n = counts.length;
  const d = o.dim;
  const random = seededRandom(o.seed);
  const input = new Float32Array(n * d);
  for (let k = 0; k < input.length; k++) input[k] = (random() - 0.5) / d;
  const output = new Float32Array(n * d);

  // Negative-sampling table: ids repeated in proportion to count^0.75.
  const TABLE = 1e6;
  const table = new Int32Array(TABLE);
  const powered = counts.map((c) => c ** 0.75);
  const total = powered.reduce((a, b) => a + b, 0);
  let id = 0;
  let cumulative = (powered[0] as number) / total;
  for (let k = 0; k < TABLE; k++) {
    table[k] = id;
    if (k / TABLE > cumulative && id < n - 1) cumulative += (powered[++id] as number) / total;
  }
  const tokens = counts.reduce((a, b) => a + b, 0);
  const keep = Float64Array.from(counts, (c) => {
    const f = c / tokens;
    return Math.min(1, Math.sqrt(o.subsample / f) + o.subsample / f);
  });

  const grad = new Float32Array(d);
  const totalSteps = o.epochs * tokens;
  let step = 0;
  const kept = new Int32Array(1024);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const sentence of sentences) {
      step += sentence.length;
      const rate = Math.max(o.rate * 1e-4, o.rate * (1 - step / totalSteps));
      let len = 0;
      for (let i = 0; i < sentence.length && len < kept.length; i++) {
        const w = sentence[i] as number;
        if (random() < (keep[w] as number)) kept[len++] = w;
      }
      for (let i = 0; i < len; i++) {
        const center = kept[i] as number;
        const b = 1 + Math.floor(random() * o.window);
        for (let j = Math.max(0, i - b); j < Math.min(len, i + b + 1); j++) {
          if (j === i) continue;
          const ctx = kept[j] as number;
          const ci = ctx * d;
          grad.fill(0);
          for (let s = 0; s <= o.negatives; s++) {
            const target = s === 0 ? center : (table[Math.floor(random() * TABLE)] as number);
            if (s > 0 && target === center) continue;
            const label = s === 0 ? 1 : 0;
            const ti = target * d;
            let dot = 0;
            for (let k = 0; k < d; k++) dot += (input[ci + k] as number) * (output[ti + k] as number);
            const sigma = dot > 6 ? 1 : dot < -6 ? 0 : 1 / (1 + Math.exp(-dot));
            const g = (label - sigma) * rate;
            for (let k = 0; k < d; k++) {
              grad[k] = (grad[k] as number) + g * (output[ti + k] as number);
              output[ti + k] = (output[ti + k] as number) + g * (input[ci + k] as number);
            }
          }
          for (let k = 0; k < d; k++) input[ci + k] = (input[ci + k] as number) + (grad[k] as number);
        }
      }
    }
    onEpoch?.(epoch + 1);
  }
  return input;
}
