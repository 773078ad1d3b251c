/**
 * @module services/faq/semantic-index
 * Meaning-level similarity between a question and stored phrasings: both become
 * `semanticFeatures` (synonym concepts, Chinese characters and bigrams, English words) weighted by
 * their rarity among the shop's phrasings, the question is expanded with the features the learned
 * associations say stand in for its own (at a fraction of their weight), and the similarity is the
 * share of the question's weight a phrasing covers, balanced with the share of the phrasing's
 * weight the question covers (a harmonic mean, in [0, 1]).
 */
import { semanticFeatures } from './semantic-features';
import type { TermAssociations } from './term-associations';

export interface SemanticIndexOptions {
  /** Weight of a learned association relative to the feature itself. @default 0.5 */
  expansion?: number;
  /** Weight of a synonym concept relative to a character feature. @default 3 */
  conceptWeight?: number;
}

type Vector = Map<string, number>;

export class SemanticIndex {
  private readonly docs: Vector[] = [];
  private readonly df = new Map<string, number>();
  private readonly expansion: number;
  private readonly conceptWeight: number;
  /** Documents the weights are computed over. */
  private readonly n: number;

  constructor(
    texts: readonly string[],
    private readonly associations: TermAssociations | null,
    options: SemanticIndexOptions = {},
  ) {
    this.expansion = options.expansion ?? 0.5;
    this.conceptWeight = options.conceptWeight ?? 3;
    this.n = Math.max(1, texts.length);
    const featureSets = texts.map((t) => new Set(semanticFeatures(t)));
    for (const set of featureSets) for (const f of set) this.df.set(f, (this.df.get(f) ?? 0) + 1);
    for (const set of featureSets) this.docs.push(new Map([...set].map((f) => [f, this.idf(f)])));
  }

  /**
   * Rarer features weigh more; a feature no phrasing has weighs most (it is the question's own).
   * A concept stands for a whole word or phrase and weighs `conceptWeight` times a character.
   */
  private idf(feature: string): number {
    return Math.log(1 + this.n / ((this.df.get(feature) ?? 0) + 0.5)) * (feature.startsWith('⟦') ? this.conceptWeight : 1);
  }

  /** Similarity in [0, 1] of the query to every document, by document id. */
  similarities(query: string): number[] {
    const q = this.queryVector(query);
    return this.docs.map((doc) => similarity(q, doc));
  }

  /**
   * Similarity in [0, 1] of two texts, with this index's feature weights (for judging a pair, as a
   * paraphrase classifier does).
   */
  pair(a: string, b: string): number {
    return similarity(this.queryVector(a), new Map([...new Set(semanticFeatures(b))].map((f) => [f, this.idf(f)])));
  }

  private queryVector(query: string): QueryVector {
    const own: Vector = new Map();
    for (const f of semanticFeatures(query)) own.set(f, this.idf(f));
    const total = [...own.values()].reduce((s, w) => s + w, 0);
    // Expanded features may stand in for the question's own, never add to its total.
    const expanded: Vector = new Map(own);
    if (this.associations && this.expansion > 0) {
      for (const [f, w] of own) {
        for (const [g, a] of this.associations.of(f)) {
          const v = Math.min(this.idf(g), w) * a * this.expansion;
          if (v > (expanded.get(g) ?? 0)) expanded.set(g, v);
        }
      }
    }
    return { own, expanded, total };
  }
}

interface QueryVector {
  own: Vector;
  expanded: Vector;
  total: number;
}

/** Harmonic mean of the query weight a document covers and the document weight the query covers. */
function similarity(q: QueryVector, doc: Vector): number {
  if (q.total === 0) return 0;
  let covered = 0;
  let docCovered = 0;
  let docTotal = 0;
  for (const [f, w] of doc) {
    docTotal += w;
    const v = q.expanded.get(f);
    if (v !== undefined) {
      covered += v;
      docCovered += q.own.has(f) ? w : Math.min(w, v);
    }
  }
  const recall = Math.min(1, covered / q.total);
  const precision = docTotal > 0 ? docCovered / docTotal : 0;
  return recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
}
