import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importShopFolder, ImportError } from '../../../src/import/import-shop';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

function folderWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-import-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), JSON.stringify(content));
  return dir;
}

const products = [
  { id: 'E1', title: { zh: 'HUAWEI FreeBuds 5i 耳机', en: 'HUAWEI FreeBuds 5i Earbuds' }, category: 'earbuds', brand: 'HUAWEI', price: 499, currency: 'CNY', keywords: { zh: ['降噪豆'], en: ['buds'] } },
  { id: 'K1', title: '电水壶 Kettle', category: 'kettles', brand: 'Xiaomi', price: 99, currency: 'CNY' },
];
const categories = [
  { id: 'earbuds', names: { zh: '无线耳机', en: 'Wireless earbuds' }, synonyms: { zh: ['耳塞'], en: ['in-ears'] } },
  { id: 'kettles', names: { zh: '电水壶', en: 'Kettles' } },
];
const brands = [{ name: 'Xiaomi', aliases: ['米家', 'MIJIA'] }];

describe('importing category names, brand aliases and product keywords', () => {
  let stores: Stores;
  beforeEach(() => {
    stores = openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-import-db-')));
  });
  afterEach(async () => stores.close());

  it('should store and load them, and count them in the summary', async () => {
    const summary = await importShopFolder(folderWith({ 'products.json': products, 'categories.json': categories, 'brands.json': brands }), stores.shop);
    expect(summary).toMatchObject({ products: 2, categories: 2, brands: 1 });
    const shop = await stores.shop.loadShop();
    expect(shop.categories).toEqual(categories);
    expect(shop.brands).toEqual(brands);
    expect(shop.products.find((p) => p.id === 'E1')?.keywords).toEqual({ zh: ['降噪豆'], en: ['buds'] });
  });

  it('should replace a category of the same id on a later import and keep the others', async () => {
    await importShopFolder(folderWith({ 'products.json': products, 'categories.json': categories }), stores.shop);
    await importShopFolder(folderWith({ 'categories.json': [{ id: 'kettles', names: { zh: '烧水壶', en: 'Electric kettles' } }] }), stores.shop);
    const shop = await stores.shop.loadShop();
    expect(shop.categories?.map((c) => [c.id, c.names.zh])).toEqual([['earbuds', '无线耳机'], ['kettles', '烧水壶']]);
  });

  it('should keep importing a folder without them (old imports), with no categories or brands', async () => {
    const summary = await importShopFolder(folderWith({ 'products.json': products.map(({ keywords: _k, ...p }) => p) }), stores.shop);
    expect(summary).toEqual({ products: 2, customers: 0, orders: 0, events: 0, faq: 0 });
    const shop = await stores.shop.loadShop();
    expect(shop.categories).toEqual([]);
    expect(shop.brands).toEqual([]);
  });

  it('should report file, index and field of each bad record and write nothing', async () => {
    const dir = folderWith({
      'products.json': [...products, { ...products[1], id: 'K2', keywords: { zh: '烧水壶' } }],
      'categories.json': [{ id: 'earbuds' }, { id: 'Kettles!', names: { zh: '电水壶' } }, { id: 'phones', names: { en: 'Phones' } }, categories[1], categories[1]],
      'brands.json': [{ name: 'Xiaomi', aliases: [] }, { name: 'Sony', aliases: ['索尼'] }],
    });
    const error = await importShopFolder(dir, stores.shop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as ImportError).message;
    expect(message).toContain('products.json[2] keywords.zh: must be array');
    expect(message).toContain("categories.json[0]: must have required property 'names' (names)");
    expect(message).toContain('categories.json[1] id: must match pattern');
    expect(message).toContain('categories.json[2] id: no product has category "phones"');
    expect(message).toContain('categories.json[4] id: duplicate id "kettles"');
    expect(message).toContain('brands.json[0] aliases: must NOT have fewer than 1 items');
    expect(message).toContain('brands.json[1] name: no product has brand "Sony"');
    expect(await stores.shop.hasData()).toBe(false);
  });
});
