/**
 * @module storage/embedded/sqlite-shop-repository
 * Shop data import (one transaction: all or nothing; same ids update) and whole-shop reads.
 */
import { DATA_VERSION_KEY, importSummary, KNOWLEDGE_KEYS, mergeByKey, type ImportSummary, type ShopRepository } from '../../core/shop-repository';
import type { Faq, Product, ShopBrand, ShopCategory, ShopData, ShopEvent } from '../../core/shop';
import type { SqliteDatabase } from './database';

export class SqliteShopRepository implements ShopRepository {
  constructor(private readonly db: SqliteDatabase) {}

  async importShop(data: ShopData): Promise<ImportSummary> {
    const db = this.db;
    const putProduct = db.statement('INSERT OR REPLACE INTO products (id, json) VALUES (?, ?)');
    const putCustomer = db.statement('INSERT OR REPLACE INTO customers (id, json) VALUES (?, ?)');
    const putOrder = db.statement(
      'INSERT OR REPLACE INTO orders (id, customer_id, status, created_at, json) VALUES (?, ?, ?, ?, ?)',
    );
    const putEvent = db.statement(
      'INSERT OR REPLACE INTO events (customer_id, product_id, type, at, value) VALUES (?, ?, ?, ?, ?)',
    );
    const putFaq = db.statement('INSERT OR REPLACE INTO faq (id, json) VALUES (?, ?)');
    const putMeta = db.statement('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
    const at = new Date().toISOString();
    const getMeta = db.statement('SELECT value FROM meta WHERE key = ?');
    const bumpVersion = db.statement(
      "INSERT INTO meta (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
    );
    await db.write(() => {
      // Category names and brand aliases (optional files) live in meta, one JSON array each.
      if (data.categories?.length) putMeta.run(KNOWLEDGE_KEYS.categories, JSON.stringify(mergeByKey(this.metaList<ShopCategory>(getMeta, KNOWLEDGE_KEYS.categories), data.categories, (c) => c.id)));
      if (data.brands?.length) putMeta.run(KNOWLEDGE_KEYS.brands, JSON.stringify(mergeByKey(this.metaList<ShopBrand>(getMeta, KNOWLEDGE_KEYS.brands), data.brands, (b) => b.name)));
      for (const p of data.products) putProduct.run(p.id, JSON.stringify(p));
      for (const c of data.customers) putCustomer.run(c.id, JSON.stringify(c));
      for (const o of data.orders) putOrder.run(o.id, o.customerId, o.status, o.createdAt, JSON.stringify(o));
      for (const e of data.events) putEvent.run(e.customerId, e.productId, e.type, e.at, e.value ?? null);
      for (const f of data.faq) putFaq.run(f.id, JSON.stringify(f));
      putMeta.run('last_import_at', at);
      // A counter row, not `PRAGMA data_version`: that one changes on every other connection's write
      // (each chat turn of another worker) and never for this connection's own import.
      bumpVersion.run(DATA_VERSION_KEY);
    });
    return importSummary(data);
  }

  async loadShop(): Promise<ShopData> {
    const parse = <T>(rows: unknown[]): T[] => (rows as { json: string }[]).map((r) => JSON.parse(r.json) as T);
    const events = (
      this.db.statement('SELECT customer_id, product_id, type, at, value FROM events ORDER BY at').all() as {
        customer_id: string;
        product_id: string;
        type: ShopEvent['type'];
        at: string;
        value: number | null;
      }[]
    ).map((r): ShopEvent => ({
      customerId: r.customer_id,
      productId: r.product_id,
      type: r.type,
      at: r.at,
      ...(r.value === null ? {} : { value: r.value }),
    }));
    return {
      products: parse<Product>(this.db.statement('SELECT json FROM products ORDER BY id').all()),
      faq: parse<Faq>(this.db.statement('SELECT json FROM faq ORDER BY id').all()),
      events,
      // Customers and orders are read one at a time through OrderRepository, never in bulk.
      customers: [],
      orders: [],
      categories: this.metaList<ShopCategory>(this.db.statement('SELECT value FROM meta WHERE key = ?'), KNOWLEDGE_KEYS.categories),
      brands: this.metaList<ShopBrand>(this.db.statement('SELECT value FROM meta WHERE key = ?'), KNOWLEDGE_KEYS.brands),
    };
  }

  private metaList<T>(get: { get(key: string): unknown }, key: string): T[] {
    const row = get.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T[]) : [];
  }

  async dataVersion(): Promise<number> {
    const row = this.db.statement('SELECT value FROM meta WHERE key = ?').get(DATA_VERSION_KEY) as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  async hasData(): Promise<boolean> {
    return this.db.statement("SELECT 1 FROM meta WHERE key = 'last_import_at'").get() !== undefined;
  }
}
