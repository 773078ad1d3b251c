/**
 * @module services/faq/train-term-associations
 * Learns which features stand in for each other in questions that mean the same: from labelled
 * paraphrase pairs (ATEC/AFQMC train split), every feature only one side has is paired with every
 * feature only the other side has; a pairing is kept when it is much more frequent in paraphrases
 * than in non-paraphrases (positive PMI across paraphrase pairs, gated by the pair precision).
 * The result is small (a few thousand pairs) and is committed as `models/faq-associations-zh.json`.
 *
 * @example node dist/services/faq/train-term-associations.js ../shared/datasets/atec-afqmc/train.tsv
 */
import fs from 'node:fs';
import path from 'node:path';
import { SHIPPED_ASSOCIATIONS, type TermAssociationsJSON } from './term-associations';
import { semanticFeatures } from './semantic-features';

export interface PairExample {
  a: string;
  b: string;
  same: boolean;
}

export interface TrainAssociationOptions {
  /** Fewest paraphrase pairs a pairing must occur in. @default 5 */
  minCount?: number;
  /** Lowest share of paraphrases among the pairs a pairing occurs in. @default 0.4 */
  minPrecision?: number;
  /** Most associations kept per feature. @default 8 */
  perFeature?: number;
}

/** Reads `id<TAB>s1<TAB>s2<TAB>label` lines. */
export function readPairs(file: string): PairExample[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((cols) => cols.length >= 4)
    .map(([, a, b, label]) => ({ a, b, same: label.trim() === '1' }));
}

function unique(text: string): Set<string> {
  return new Set(semanticFeatures(text));
}

export function trainAssociations(pairs: readonly PairExample[], options: TrainAssociationOptions = {}): TermAssociationsJSON {
  const minCount = options.minCount ?? 5;
  const minPrecision = options.minPrecision ?? 0.4;
  const perFeature = options.perFeature ?? 8;
  const together = new Map<string, { pos: number; all: number }>();
  const single = new Map<string, number>();
  let crossPos = 0;
  for (const { a, b, same } of pairs) {
    const fa = unique(a);
    const fb = unique(b);
    const onlyA = [...fa].filter((f) => !fb.has(f));
    const onlyB = [...fb].filter((f) => !fa.has(f));
    for (const x of onlyA) {
      for (const y of onlyB) {
        if (x === y) continue;
        for (const key of [`${x}\t${y}`, `${y}\t${x}`]) {
          const c = together.get(key) ?? { pos: 0, all: 0 };
          c.all += 1;
          if (same) c.pos += 1;
          together.set(key, c);
        }
        if (same) crossPos += 2;
      }
    }
    if (same) for (const f of [...onlyA, ...onlyB]) single.set(f, (single.get(f) ?? 0) + onlyA.length + onlyB.length);
  }
  const kept = new Map<string, [string, number][]>();
  for (const [key, c] of together) {
    if (c.pos < minCount || c.pos / c.all < minPrecision) continue;
    const [x, y] = key.split('\t');
    const pmi = Math.log((c.pos * crossPos) / ((single.get(x) ?? 1) * (single.get(y) ?? 1)));
    if (pmi <= 1) continue;
    // Shrunk towards "no association" for rare pairings: one lucky co-occurrence is not a synonym.
    const list = kept.get(x) ?? [];
    list.push([y, (c.pos / (c.all + 2)) * Math.log(1 + c.pos)]);
    kept.set(x, list);
  }
  // Weights scaled to (0, 1]: the strongest association anywhere is 1.
  let max = 0;
  for (const list of kept.values()) for (const [, w] of list) max = Math.max(max, w);
  const associations: Record<string, [string, number][]> = {};
  for (const [x, list] of [...kept].sort(([a], [b]) => (a < b ? -1 : 1))) {
    associations[x] = list
      .sort((p, q) => q[1] - p[1])
      .slice(0, perFeature)
      .map(([y, w]) => [y, Math.round((w / max) * 1000) / 1000]);
  }
  return { source: 'ATEC/AFQMC train split, paraphrase pairs (features only, no sentences)', pairs: pairs.length, associations };
}

function main(): void {
  const file = process.argv[2] ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'datasets', 'atec-afqmc', 'train.tsv');
  const model = trainAssociations(readPairs(file));
  fs.mkdirSync(path.dirname(SHIPPED_ASSOCIATIONS), { recursive: true });
  fs.writeFileSync(SHIPPED_ASSOCIATIONS, JSON.stringify(model) + '\n');
  const n = Object.values(model.associations).reduce((s, l) => s + l.length, 0);
  process.stdout.write(`${Object.keys(model.associations).length} features, ${n} associations → ${SHIPPED_ASSOCIATIONS}\n`);
}

if (require.main === module) main();
