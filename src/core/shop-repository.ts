/**
 * @module core/shop-repository
 * The shop's reference data (catalogue, FAQ, events), imported all-or-nothing and read
 * whole at start to build the in-memory indexes (NLU lexicon, recommender, FAQ retrieval).
 */
import type { ShopData } from './shop';

export interface ImportSummary {
  products: number;
  customers: number;
  orders: number;
  events: number;
  faq: number;
  /** Only when the import held `categories` / `brands` records. */
  categories?: number;
  brands?: number;
}

export interface ShopRepository {
  /** Writes everything in one transaction; the same ids again update those records. */
  importShop(data: ShopData): Promise<ImportSummary>;
  /** Everything except orders and customers' private fields are needed by the services. */
  loadShop(): Promise<ShopData>;
  /** True once any import has been written. */
  hasData(): Promise<boolean>;
  /**
   * The shop data's version: 0 before any import, then one more for every import written (in the
   * import's own transaction, so a reader that sees the new number sees the new data). Cheap: a
   * running server polls it to pick up `kefu import` without a restart (`catalogue/`).
   */
  dataVersion(): Promise<number>;
}

/** Meta key of the shop data's version counter. */
export const DATA_VERSION_KEY = 'shop_data_version';

/** How many records of each kind an import holds. */
export function importSummary(data: ShopData): ImportSummary {
  return {
    products: data.products.length,
    customers: data.customers.length,
    orders: data.orders.length,
    events: data.events.length,
    faq: data.faq.length,
    ...(data.categories?.length ? { categories: data.categories.length } : {}),
    ...(data.brands?.length ? { brands: data.brands.length } : {}),
  };
}

/** Meta keys under which the optional category and brand records are kept (one JSON array each). */
export const KNOWLEDGE_KEYS = { categories: 'shop_categories', brands: 'shop_brands' } as const;

/**
 * Records kept after an import: the imported ones replace those with the same key, the others stay.
 * @example mergeByKey(old, data.categories, (c) => c.id)
 */
export function mergeByKey<T>(old: readonly T[], added: readonly T[], key: (t: T) => string): T[] {
  const byKey = new Map(old.map((r) => [key(r), r]));
  for (const r of added) byKey.set(key(r), r);
  return [...byKey.values()].sort((a, b) => key(a).localeCompare(key(b)));
}
