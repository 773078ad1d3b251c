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
}

export interface ShopRepository {
  /** Writes everything in one transaction; the same ids again update those records. */
  importShop(data: ShopData): Promise<ImportSummary>;
  /** Everything except orders and customers' private fields are needed by the services. */
  loadShop(): Promise<ShopData>;
  /** True once any import has been written. */
  hasData(): Promise<boolean>;
}

/** How many records of each kind an import holds. */
export function importSummary(data: ShopData): ImportSummary {
  return {
    products: data.products.length,
    customers: data.customers.length,
    orders: data.orders.length,
    events: data.events.length,
    faq: data.faq.length,
  };
}
