/**
 * @module nlp/classifier/chi-square
 * Feature selection for the neural fallback: the features whose presence depends most on the
 * intent, by the χ² statistic of feature presence against label (Yang & Pedersen 1997). A
 * feature seen in fewer than `minDf` utterances is left out: χ² ranks such flukes (a typo seen
 * once) above the words that carry an intent.
 */
import type { LabelledVector } from './naive-bayes';

/** χ² of one label's 2×2 table: `a` documents of the label have the feature, `f` in all, `size` of the label, `N` documents. */
function chi2(a: number, f: number, size: number, N: number): number {
  const cell = (observed: number, expected: number): number => (expected > 0 ? ((observed - expected) * (observed - expected)) / expected : 0);
  return (
    cell(a, (f * size) / N) +
    cell(f - a, (f * (N - size)) / N) +
    cell(size - a, ((N - f) * size) / N) +
    cell(N - f - size + a, ((N - f) * (N - size)) / N)
  );
}

/**
 * Indices of the `k` features with the highest χ² score, best first (ties by lower index).
 * @param minDf utterances a feature must occur in to be chosen
 * @example topFeaturesByChiSquare(examples, vectorizer.size, 1024)
 */
export function topFeaturesByChiSquare(examples: readonly LabelledVector[], dimension: number, k: number, minDf = 3): number[] {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const n = labels.length;
  const N = examples.length;
  // Documents per label, and per label and feature (sparse: most features occur in few labels).
  const perLabel = new Float64Array(n);
  const df = new Float64Array(dimension);
  const byLabel = labels.map(() => new Map<number, number>());
  for (const { vector, label } of examples) {
    const c = at.get(label) as number;
    perLabel[c] = (perLabel[c] as number) + 1;
    const counts = byLabel[c] as Map<number, number>;
    for (let j = 0; j < vector.indices.length; j++) {
      const i = vector.indices[j] as number;
      df[i] = (df[i] as number) + 1;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
  }
  // χ² = Σ over labels of the 2×2 table (feature present/absent × label or not). The sum for
  // a = 0 (feature never seen with the label) is taken for every label, then corrected for the
  // few labels the feature does occur with: no per-(feature, label) lookup.
  const score = new Float64Array(dimension);
  for (let i = 0; i < dimension; i++) {
    const f = df[i] as number;
    if (f < minDf || f === N) continue;
    let sum = 0;
    for (let c = 0; c < n; c++) sum += chi2(0, f, perLabel[c] as number, N);
    score[i] = sum;
  }
  byLabel.forEach((counts, c) => {
    const size = perLabel[c] as number;
    for (const [i, a] of counts) {
      const f = df[i] as number;
      if (f < minDf || f === N) continue;
      score[i] = (score[i] as number) + chi2(a, f, size, N) - chi2(0, f, size, N);
    }
  });
  const order = Array.from({ length: dimension }, (_, i) => i).filter((i) => (score[i] as number) > 0);
  order.sort((x, y) => (score[y] as number) - (score[x] as number) || x - y);
  return order.slice(0, k);
}
