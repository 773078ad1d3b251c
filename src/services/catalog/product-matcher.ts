/**
 * @module services/catalog/product-matcher
 * Finds the product a shopper names, however they write it: by title in either language, brand
 * and model number, tolerant of case, spacing, dashes, typos and partial names.
 *
 * Each product is a bag of features: character 2- and 3-grams of the compact form of its titles,
 * brand, model numbers and tags, plus the analyzer's terms of the same texts (stems and words).
 * Features are IDF-weighted over the catalogue. A product scores by two coverages:
 * - query coverage: the share of the query's feature weight found in the product, and
 * - name coverage: the largest share of one title or model number found in the query, which
 *   keeps "我想问下索尼WH-1000XM5有货吗" on the XM5 although most of it is not a name.
 */
import type { TextAnalyzer } from '../../core/nlu';
import type { Locale, Product } from '../../core/shop';
import { charNgrams } from './char-ngrams';
import { localizedValues } from './localized-values';
import { modelCodes } from './model-codes';
import { dropFiller } from './query-filler';

export interface ProductMatch {
  product: Product;
  /** In [0, 1]: queryWeight · query coverage + (1 − queryWeight) · name coverage. */
  score: number;
}

export interface ProductMatcherOptions {
  /** Share of query coverage in the score. @default 0.65 */
  queryWeight?: number;
  /**
   * Lowest score `best` accepts. @default 0.35 — on the demo catalogue (73 products), 54 typed,
   * misspelt, partial and in-sentence names in zh and en scored ≥ 0.37 for the right product,
   * 14 non-product questions ≤ 0.33.
   */
  threshold?: number;
}

export interface ProductMatchOptions {
  /** @default 5 */
  limit?: number;
  /** Only products passing it are returned. */
  filter?: (product: Product) => boolean;
}

/** Answers kept for repeated questions about the same text (one turn asks up to five times). */
const RECENT_QUERIES = 16;

interface Entry {
  product: Product;
  /** Everything the product can be called. */
  features: Set<string>;
  /** One feature set per title and per model number. */
  names: Set<string>[];
}

/** A title or model number as scoring reads it: its features and their IDF weights, summed once. */
interface WeightedName {
  features: string[];
  weights: Float64Array;
  mass: number;
}

export class ProductMatcher {
  private readonly entries: Entry[];
  /** feature → positions in `entries` */
  private readonly postings = new Map<string, number[]>();
  /** feature → IDF over the catalogue, computed once (the catalogue of a matcher never changes). */
  private readonly idfs = new Map<string, number>();
  /** IDF of a feature no product has: it weighs like the rarest one. */
  private readonly unseenIdf: number;
  /** Per entry, its names with their weights. */
  private readonly weightedNames: WeightedName[][];
  /** The last queries' scored products (insertion order = age). */
  private readonly recent = new Map<string, readonly ProductMatch[]>();
  private readonly queryWeight: number;
  private readonly threshold: number;

  /** @example new ProductMatcher(shop.products, analyzer).best('wh1000xm5', 'en')?.product.id */
  constructor(
    products: readonly Product[],
    private readonly analyzer: TextAnalyzer,
    options: ProductMatcherOptions = {},
  ) {
    this.queryWeight = options.queryWeight ?? 0.65;
    this.threshold = options.threshold ?? 0.35;
    this.entries = products.map((product) => this.entry(product));
    this.entries.forEach((e, i) => {
      for (const f of e.features) {
        let list = this.postings.get(f);
        if (!list) this.postings.set(f, (list = []));
        list.push(i);
      }
    });
    const n = this.entries.length;
    for (const [f, list] of this.postings) this.idfs.set(f, Math.log(1 + n / list.length));
    this.unseenIdf = Math.log(1 + n);
    this.weightedNames = this.entries.map((e) =>
      e.names.map((name) => {
        const features = [...name];
        const weights = Float64Array.from(features, (f) => this.idf(f));
        return { features, weights, mass: weights.reduce((a, b) => a + b, 0) };
      }),
    );
  }

  /** A feature no product has weighs like the rarest one: the query's noise words ("请问", "in stock") dilute the score without drowning a model number. */
  private idf(feature: string): number {
    return this.idfs.get(feature) ?? this.unseenIdf;
  }

  /**
   * Products matching the query, best first (ties by id); products sharing nothing are left out.
   * @example matcher.match('airpods pro 2', 'en', { limit: 3 })
   */
  match(query: string, locale: Locale, options: ProductMatchOptions = {}): ProductMatch[] {
    const all = this.scored(query, locale);
    const limit = options.limit ?? 5;
    const { filter } = options;
    if (!filter) return all.slice(0, limit);
    const out: ProductMatch[] = [];
    for (const m of all) {
      if (out.length >= limit) break;
      if (filter(m.product)) out.push(m);
    }
    return out;
  }

  /**
   * Every product sharing a feature with the query, best first. One turn asks about the same text
   * several times (does it name a product? a sold-out one? which?), so the last few answers are kept.
   */
  private scored(query: string, locale: Locale): readonly ProductMatch[] {
    const key = `${locale}\u0000${query}`;
    const hit = this.recent.get(key);
    if (hit) return hit;
    const result = this.score(query, locale);
    if (this.recent.size >= RECENT_QUERIES) this.recent.delete(this.recent.keys().next().value as string);
    this.recent.set(key, result);
    return result;
  }

  private score(query: string, locale: Locale): ProductMatch[] {
    const q = this.features(query, locale);
    if (q.size === 0) return [];
    let queryMass = 0;
    const overlap = new Map<number, number>();
    for (const f of q) {
      const w = this.idf(f);
      queryMass += w;
      for (const i of this.postings.get(f) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + w);
    }
    const out: ProductMatch[] = [];
    for (const [i, shared] of overlap) {
      const { product } = this.entries[i];
      let nameCoverage = 0;
      for (const { features, weights, mass } of this.weightedNames[i]) {
        if (mass === 0) continue;
        let inQuery = 0;
        for (let k = 0; k < features.length; k++) if (q.has(features[k])) inQuery += weights[k];
        nameCoverage = Math.max(nameCoverage, inQuery / mass);
      }
      const score = this.queryWeight * (shared / queryMass) + (1 - this.queryWeight) * nameCoverage;
      out.push({ product, score });
    }
    out.sort((a, b) => b.score - a.score || (a.product.id < b.product.id ? -1 : a.product.id > b.product.id ? 1 : 0));
    return out;
  }

  /**
   * The best match when its score reaches the threshold, else `null`.
   * @example matcher.best('小米14pro', 'zh')?.product.id
   */
  best(query: string, locale: Locale, options: Omit<ProductMatchOptions, 'limit'> = {}): ProductMatch | null {
    const [top] = this.match(query, locale, { ...options, limit: 1 });
    return top && top.score >= this.threshold ? top : null;
  }

  private entry(product: Product): Entry {
    const titles = localizedValues(product.title);
    const codes = modelCodes(product);
    const names = [...titles, ...codes].map((t) => this.textFeatures(t));
    const features = new Set<string>();
    const keywords = Object.values(product.keywords ?? {}).flat();
    for (const text of [...titles, ...codes, product.brand ?? '', ...(product.tags ?? []), ...keywords]) {
      for (const f of this.textFeatures(text)) features.add(f);
    }
    return { product, features, names };
  }

  /** Grams of the text plus the analyzer's terms in both languages (a name may be in either). */
  private textFeatures(text: string): Set<string> {
    const out = charNgrams(text);
    for (const locale of ['zh', 'en'] as const) for (const t of this.analyzer.terms(text, locale)) out.add('w:' + t);
    return out;
  }

  private features(query: string, locale: Locale): Set<string> {
    const out = charNgrams(dropFiller(query));
    for (const t of this.analyzer.terms(query, locale)) out.add('w:' + t);
    return out;
  }
}
