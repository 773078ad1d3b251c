/**
 * @module storage/mongoose/mongoose-shop-repository
 * Shop import in one transaction (all or nothing; the same ids update), whole-shop reads.
 */
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import type { Faq, Product, ShopBrand, ShopCategory, ShopData, ShopEvent } from '../../core/shop';
import { DATA_VERSION_KEY, importSummary, KNOWLEDGE_KEYS, mergeByKey, type ImportSummary, type ShopRepository } from '../../core/shop-repository';
import { inTransaction } from './connection';
import type { EventDoc, JsonDoc, KefuModels, OrderDoc } from './models';

const replaceById = <T extends { _id: string }>(docs: T[]): AnyBulkWriteOperation<T>[] =>
  docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id } as never, replacement: doc as never, upsert: true } }));

export class MongooseShopRepository implements ShopRepository {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
  ) {}

  async importShop(data: ShopData): Promise<ImportSummary> {
    const json = (records: { id: string }[]): JsonDoc[] => records.map((r) => ({ _id: r.id, json: JSON.stringify(r) }));
    const orders: OrderDoc[] = data.orders.map((o) => ({
      _id: o.id,
      customerId: o.customerId,
      status: o.status,
      createdAt: o.createdAt,
      rev: 0,
      json: JSON.stringify(o),
    }));
    const events: AnyBulkWriteOperation<EventDoc>[] = data.events.map((e) => {
      const key = { customerId: e.customerId, productId: e.productId, type: e.type, at: e.at };
      return { replaceOne: { filter: key as never, replacement: { ...key, value: e.value ?? null } as never, upsert: true } };
    });
    await inTransaction(this.conn, async (session) => {
      const opts = { session, ordered: true };
      if (data.products.length) await this.m.Products.bulkWrite(replaceById(json(data.products)), opts);
      if (data.customers.length) await this.m.Customers.bulkWrite(replaceById(json(data.customers)), opts);
      if (orders.length) await this.m.Orders.bulkWrite(replaceById(orders), opts);
      if (events.length) await this.m.Events.bulkWrite(events, opts);
      if (data.faq.length) await this.m.Faq.bulkWrite(replaceById(json(data.faq)), opts);
      // Category names and brand aliases (optional files) live in meta, one JSON array each.
      if (data.categories?.length) {
        const merged = mergeByKey(await this.metaList<ShopCategory>(KNOWLEDGE_KEYS.categories), data.categories, (c) => c.id);
        await this.m.Meta.updateOne({ _id: KNOWLEDGE_KEYS.categories }, { $set: { value: JSON.stringify(merged) } }, { session, upsert: true });
      }
      if (data.brands?.length) {
        const merged = mergeByKey(await this.metaList<ShopBrand>(KNOWLEDGE_KEYS.brands), data.brands, (b) => b.name);
        await this.m.Meta.updateOne({ _id: KNOWLEDGE_KEYS.brands }, { $set: { value: JSON.stringify(merged) } }, { session, upsert: true });
      }
      await this.m.Meta.updateOne({ _id: 'last_import_at' }, { $set: { value: new Date().toISOString() } }, { session, upsert: true });
      // The version document is written in the import's transaction: a reader of the new number reads the new data.
      const version = await this.m.Meta.findById(DATA_VERSION_KEY).session(session).lean<{ value?: string } | null>();
      await this.m.Meta.updateOne({ _id: DATA_VERSION_KEY }, { $set: { value: String(Number(version?.value ?? 0) + 1) } }, { session, upsert: true });
    });
    return importSummary(data);
  }

  async loadShop(): Promise<ShopData> {
    const parse = <T>(docs: JsonDoc[]): T[] => docs.map((d) => JSON.parse(d.json) as T);
    const events = (await this.m.Events.find({}).sort({ at: 1 }).lean<EventDoc[]>()).map(
      (e): ShopEvent => ({
        customerId: e.customerId,
        productId: e.productId,
        type: e.type as ShopEvent['type'],
        at: e.at,
        ...(e.value === null || e.value === undefined ? {} : { value: e.value }),
      }),
    );
    return {
      products: parse<Product>(await this.m.Products.find({}).sort({ _id: 1 }).lean<JsonDoc[]>()),
      faq: parse<Faq>(await this.m.Faq.find({}).sort({ _id: 1 }).lean<JsonDoc[]>()),
      events,
      // Customers and orders are read one at a time through OrderRepository, never in bulk.
      customers: [],
      orders: [],
      categories: await this.metaList<ShopCategory>(KNOWLEDGE_KEYS.categories),
      brands: await this.metaList<ShopBrand>(KNOWLEDGE_KEYS.brands),
    };
  }

  private async metaList<T>(key: string): Promise<T[]> {
    const doc = await this.m.Meta.findById(key).lean<{ value?: string } | null>();
    return doc?.value ? (JSON.parse(doc.value) as T[]) : [];
  }

  async dataVersion(): Promise<number> {
    const doc = await this.m.Meta.findById(DATA_VERSION_KEY).lean<{ value?: string } | null>();
    return doc?.value ? Number(doc.value) : 0;
  }

  async hasData(): Promise<boolean> {
    return (await this.m.Meta.exists({ _id: 'last_import_at' })) !== null;
  }
}
