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

describe('LinearScorer', () => {
  it('should score exactly as a plain walk over the compressed rows', () => {
    for (const n of [3, 13, 151]) {
      const d = 60;
      const { bias, rows, classes, values } = randomModel(n, d, n);
      const scorer = new LinearScorer(bias, { rows, classes, values });
      const random = seededRandom(n + 1);
      for (let probe = 0; probe < 20; probe++) {
        const indices = [...new Set(Array.from({ length: 12 }, () => Math.floor(random() * d)))];
        const xs = indices.map(() => random());
        const want = Float64Array.from(bias);
        indices.forEach((i, k) => {
          for (let j = rows[i] as number; j < (rows[i + 1] as number); j++) {
            want[classes[j] as number] = (want[classes[j] as number] as number) + (xs[k] as number) * (values[j] as number);
          }
        });
        const got = new Float64Array(n);
        scorer.scoreInto({ indices, values: xs }, got);
        expect(Array.from(got)).toEqual(Array.from(want));
      }
    }
  });

  it('should give the bias alone for an empty vector', () => {
    const scorer = new LinearScorer(Float64Array.of(1, -2), { rows: Int32Array.of(0, 1), classes: Uint16Array.of(0), values: Float32Array.of(3) });
    const out = new Float64Array(2);
    scorer.scoreInto({ indices: [], values: [] }, out);
    expect(Array.from(out)).toEqual([1, -2]);
  });
});
