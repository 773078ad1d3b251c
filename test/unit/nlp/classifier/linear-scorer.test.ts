import { LinearScorer } from '../../../../src/nlp/classifier/linear-scorer';
import { seededRandom } from '../../../../src/nlp/classifier/folds';

/** Random CSR weights: some features weighted for most classes (dense rows), most for a few. */
function randomModel(n: number, d: number, seed: number): { bias: Float64Array; rows: Int32Array; classes: Uint16Array; values: Float32Array } {
  const random = seededRandom(seed);
  const rows = new Int32Array(d + 1);
  const classes: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < d; i++) {
    rows[i] = classes.length;
    const share = i % 5 === 0 ? 0.9 : 0.05;
    for (let c = 0; c < n; c++) {
      if (random() < share) {
        classes.push(c);
        values.push(Math.round((random() - 0.5) * 1e4) / 1e4);
      }
    }
  }
  rows[d] = classes.length;
  const bias = Float64Array.from({ length: n }, () => random() - 0.5);
  return { bias, rows, classes: Uint16Array.from(classes), values: Float32Array.from(values) };
}

/**
 * Distinct features in runs of 1 to 19 dense ones (multiples of 5 in `randomModel`), each run
 * followed by a compressed one: every block size of the scorer is met.
 */
function withDenseRuns(runs: number, d: number, random: () => number): number[] {
  const dense = Array.from({ length: d / 5 }, (_, i) => i * 5).sort(() => random() - 0.5);
  const sparse = Array.from({ length: d }, (_, i) => i).filter((i) => i % 5 !== 0).sort(() => random() - 0.5);
  const out: number[] = [];
  for (let r = 0; r < runs && dense.length > 0; r++) {
    for (let k = 1 + Math.floor(random() * 19); k > 0 && dense.length > 0; k--) out.push(dense.pop() as number);
    out.push(sparse.pop() as number);
  }
  return out;
}

type Model = ReturnType<typeof randomModel>;

/** The scores by a plain walk over the compressed rows, feature by feature. */
function plainScores({ bias, rows, classes, values }: Model, indices: number[], xs: number[]): Float64Array {
  const want = Float64Array.from(bias);
  indices.forEach((i, k) => {
    for (let j = rows[i] as number; j < (rows[i + 1] as number); j++) {
      want[classes[j] as number] = (want[classes[j] as number] as number) + (xs[k] as number) * (values[j] as number);
    }
  });
  return want;
}

describe('LinearScorer', () => {
  it('should score exactly as a plain walk over the compressed rows, with the WebAssembly kernel or without', () => {
    for (const [n, runs] of [[3, 0], [13, 0], [151, 0], [13, 8], [77, 8]] as const) {
      const d = 300;
      const { bias, rows, classes, values } = randomModel(n, d, n);
      const scorers = [true, false].map((wasm) => new LinearScorer(bias, { rows, classes, values }, { wasm }));
      expect(scorers.map((s) => s.usesWasm)).toEqual([true, false]);
      const random = seededRandom(n + 1);
      for (let probe = 0; probe < 20; probe++) {
        const indices = runs === 0 ? [...new Set(Array.from({ length: 12 }, () => Math.floor(random() * d)))] : withDenseRuns(runs, d, random);
        const xs = indices.map(() => random());
        const want = plainScores({ bias, rows, classes, values }, indices, xs);
        for (const scorer of scorers) {
          const got = new Float64Array(n + 1).fill(7);
          scorer.scoreInto({ indices, values: xs }, got);
          expect(Array.from(got)).toEqual([...want, 7]);
        }
      }
    }
  });

  it('should give the bias alone for an empty vector', () => {
    const scorer = new LinearScorer(Float64Array.of(1, -2), { rows: Int32Array.of(0, 1), classes: Uint16Array.of(0), values: Float32Array.of(3) });
    const out = new Float64Array(2);
    scorer.scoreInto({ indices: [], values: [] }, out);
    expect(Array.from(out)).toEqual([1, -2]);
  });

  it('should add a run of dense features longer than one block in order', () => {
    const n = 7;
    const model = randomModel(n, 12000, 11);
    const dense = Array.from({ length: 12000 }, (_, i) => i).filter((i) => (model.rows[i + 1] as number) - (model.rows[i] as number) >= 2);
    expect(dense.length).toBeGreaterThan(2 * 1024);
    const random = seededRandom(12);
    const xs = dense.map(() => random());
    for (const wasm of [true, false]) {
      const got = new Float64Array(n);
      new LinearScorer(model.bias, model, { wasm }).scoreInto({ indices: dense, values: xs }, got);
      expect(Array.from(got)).toEqual(Array.from(plainScores(model, dense, xs)));
    }
  });

  it('should score feature-major dense weights (every class of every feature) like their compressed form', () => {
    const n = 9;
    const d = 40;
    const random = seededRandom(21);
    const dense = Float32Array.from({ length: n * d }, () => Math.round((random() - 0.5) * 1e4) / 1e4);
    const compressed = {
      bias: new Float64Array(n),
      rows: Int32Array.from({ length: d + 1 }, (_, i) => i * n),
      classes: Uint16Array.from({ length: n * d }, (_, j) => j % n),
      values: dense,
    };
    const indices = [3, 17, 0, 39, 22];
    const xs = indices.map(() => random());
    for (const wasm of [true, false]) {
      const got = new Float64Array(n);
      new LinearScorer(new Float64Array(n), dense, { wasm }).scoreInto({ indices, values: xs }, got);
      expect(Array.from(got)).toEqual(Array.from(plainScores(compressed, indices, xs)));
    }
  });
});
