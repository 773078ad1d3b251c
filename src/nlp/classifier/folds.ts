/**
 * @module nlp/classifier/folds
 * Deterministic stratified k-fold split: each class is shuffled with a seeded generator and dealt
 * round-robin, so every fold holds about 1/k of every intent and runs are repeatable.
 */

/** Small seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fold number (0…k-1) of each item.
 * @example stratifiedFolds(['a', 'a', 'b', 'b'], 2, 1) // e.g. [1, 0, 0, 1]
 */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): number[] {
  const random = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => byLabel.set(l, [...(byLabel.get(l) ?? []), i]));
  const fold = new Array<number>(labels.length).fill(0);
  let offset = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const idx = byLabel.get(label) as number[];
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
    }
    idx.forEach((item, n) => (fold[item] = (n + offset) % k));
    offset += idx.length;
  }
  return fold;
}
