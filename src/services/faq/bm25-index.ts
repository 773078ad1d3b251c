/**
 * @module services/faq/bm25-index
 * Okapi BM25 over documents given as term lists. Small and in memory: one index per field and
 * language. `selfScore` (a query scored against itself as a document) is the yardstick that
 * turns unbounded BM25 scores into a confidence.
 */

export interface Bm25Options {
  /** Term-frequency saturation. @default 1.2 */
  k1?: number;
  /** Length normalisation (0 none, 1 full). @default 0.75 */
  b?: number;
}

export class Bm25Index {
  private readonly k1: number;
  private readonly b: number;
  /** term → docId → tf */
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  /** Adds a document and returns its id (0, 1, 2, … in insertion order). */
  add(terms: readonly string[]): number {
    const id = this.lengths.length;
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    for (const t of terms) {
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = new Map()));
      posting.set(id, (posting.get(id) ?? 0) + 1);
    }
    return id;
  }

  get size(): number {
    return this.lengths.length;
  }

  /** Lucene's non-negative IDF: ln(1 + (N − df + 0.5) / (df + 0.5)); highest for unseen terms. */
  idf(term: string): number {
    const n = this.lengths.length;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** docId → score for every document sharing a term with the query. */
  score(query: readonly string[]): Map<number, number> {
    const scores = new Map<number, number>();
    const avg = this.averageLength();
    for (const [term, qtf] of counts(query)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.idf(term);
      for (const [doc, tf] of posting) {
        const s = qtf * this.termScore(idf, tf, this.lengths[doc], avg);
        scores.set(doc, (scores.get(doc) ?? 0) + s);
      }
    }
    return scores;
  }

  /**
   * The score the query would get from a document identical to it: the best plausible match.
   * Terms no document has get the highest IDF, so words the FAQ never uses lower the confidence.
   */
  selfScore(query: readonly string[]): number {
    const avg = this.averageLength() || query.length || 1;
    let total = 0;
    for (const [term, qtf] of counts(query)) total += qtf * this.termScore(this.idf(term), qtf, query.length, avg);
    return total;
  }

  private termScore(idf: number, tf: number, length: number, avg: number): number {
    const norm = 1 - this.b + this.b * (avg > 0 ? length / avg : 1);
    return (idf * tf * (this.k1 + 1)) / (tf + this.k1 * norm);
  }

  private averageLength(): number {
    return this.lengths.length > 0 ? this.totalLength / this.lengths.length : 0;
  }
}

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}
