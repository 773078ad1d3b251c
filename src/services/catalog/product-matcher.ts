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

interface Entry {
  product: Product;
  /** Everything the product can be called. */
  features: Set<string>;
  /** One feature set per title and per model number. */
  names: Set<string>[];
}

export class ProductMatcher {
  private readonly entries: Entry[];
  /** feature → positions in `entries` */
  private readonly postings = new Map<string, number[]>();
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
  }

  /**
   * Products matching the query, best first (ties by id); products sharing nothing are left out.
   * @example matcher.match('airpods pro 2', 'en', { limit: 3 })
   */
  match(query: string, locale: Locale, options: ProductMatchOptions = {}): ProductMatch[] {
    const q = this.features(query, locale);
    if (q.size === 0) return [];
    // A feature no product has weighs like the rarest one: the query's noise words ("请问", "in
    // stock") dilute the score without drowning a model number.
    const idf = (f: string): number => Math.log(1 + this.entries.length / Math.max(1, this.postings.get(f)?.length ?? 0));
    let queryMass = 0;
    for (const f of q) queryMass += idf(f);

    const overlap = new Map<number, number>();
    for (const f of q) {
      const w = idf(f);
      for (const i of this.postings.get(f) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + w);
    }
    const out: ProductMatch[] = [];
    for (const [i, shared] of overlap) {
      const { product, names } = this.entries[i];
      if (options.filter && !options.filter(product)) continue;
      let nameCoverage = 0;
      for (const name of names) {
        let inQuery = 0;
        let mass = 0;
        for (const f of name) {
          const w = idf(f);
          mass += w;
          if (q.has(f)) inQuery += w;
        }
        if (mass > 0) nameCoverage = Math.max(nameCoverage, inQuery / mass);
      }
      const score = this.queryWeight * (shared / queryMass) + (1 - this.queryWeight) * nameCoverage;
      out.push({ product, score });
    }
    out.sort((a, b) => b.score - a.score || (a.product.id < b.product.id ? -1 : a.product.id > b.product.id ? 1 : 0));
    return out.slice(0, options.limit ?? 5);
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
