/**
 * @module services/recommender/constraints
 * Turns what the shopper asked for (category, brand, price range, in stock, attributes) into a
 * product predicate for `ItemToItemRecommender.recommend({ filter })`.
 */
import type { Product } from '../../core/shop';

export interface ProductConstraints {
  /** Category slug; case-insensitive. */
  category?: string;
  /** Brand as in the catalogue; case- and space-insensitive. */
  brand?: string;
  /** Inclusive bounds in the catalogue currency. */
  price?: { min?: number; max?: number };
  /** Only products with `stock > 0`; products without a `stock` field count as available. */
  inStock?: boolean;
  /** Each key must match (case-insensitive); for array-valued attributes any element may match. */
  attributes?: Record<string, string>;
  excludeIds?: readonly string[];
}

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/**
 * @example products.filter(productFilter({ category: 'phones', price: { max: 3000 }, inStock: true }))
 */
export function productFilter(constraints: ProductConstraints): (product: Product) => boolean {
  const { category, brand, price, inStock, attributes, excludeIds } = constraints;
  const excluded = new Set(excludeIds ?? []);
  const wantCategory = category ? norm(category) : undefined;
  const wantBrand = brand ? norm(brand) : undefined;
  const wantAttributes = Object.entries(attributes ?? {}).map(([k, v]) => [k, norm(v)] as const);
  return (p: Product): boolean => {
    if (excluded.has(p.id)) return false;
    if (wantCategory !== undefined && norm(p.category ?? '') !== wantCategory) return false;
    if (wantBrand !== undefined && norm(p.brand ?? '') !== wantBrand) return false;
    if (price?.min !== undefined && !(p.price >= price.min)) return false;
    if (price?.max !== undefined && !(p.price <= price.max)) return false;
    if (inStock && p.stock !== undefined && !(p.stock > 0)) return false;
    for (const [key, want] of wantAttributes) {
      const have = p.attributes?.[key];
      const values = have === undefined ? [] : Array.isArray(have) ? have : [have];
      if (!values.some((v) => norm(String(v)) === want)) return false;
    }
    return true;
  };
}
