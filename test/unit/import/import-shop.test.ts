import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importShopFolder, ImportError } from '../../../src/import/import-shop';
import { openEmbeddedStores } from '../../../src/storage/embedded';
import type { Stores } from '../../../src/core/stores';

const KNOWLEDGE = path.join(__dirname, '..', '..', '..', 'shops', 'demo', 'knowledge');

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-import-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('importShopFolder', () => {
  let stores: Stores;
  beforeEach(() => {
    stores = openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-import-db-')));
  });
  afterEach(async () => stores.close());

  it('should import the demo shop (JSON and JSON Lines) and be idempotent', async () => {
    const first = await importShopFolder(KNOWLEDGE, stores.shop);
    expect(first.products).toBeGreaterThanOrEqual(60);
    const second = await importShopFolder(KNOWLEDGE, stores.shop);
    expect(second).toEqual(first);
    const shop = await stores.shop.loadShop();
    expect(shop.products).toHaveLength(first.products);
    expect(shop.events).toHaveLength(first.events);
  });

  it('should report file, index and field and write nothing when one record is bad', async () => {
    const products = JSON.parse(fs.readFileSync(path.join(KNOWLEDGE, 'products.json'), 'utf8'));
    products[3].price = -1;
    delete products[5].currency;
    const dir = folderWith({
      'products.json': JSON.stringify(products),
      'faq.json': fs.readFileSync(path.join(KNOWLEDGE, 'faq.json'), 'utf8'),
    });
    const error = await importShopFolder(dir, stores.shop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const message = (error as ImportError).message;
    expect(message).toContain('products.json[3] price: must be >= 0');
    expect(message).toContain('products.json[5]');
    expect(message).toContain('currency');
    expect(await stores.shop.hasData()).toBe(false);
    expect((await stores.shop.loadShop()).faq).toHaveLength(0);
  });

  it('should name the line of a malformed JSON Lines record and refuse unknown references', async () => {
    const dir = folderWith({
      'events.jsonl': '{"customerId":"c","productId":"p","type":"view","at":"2026-01-01T00:00:00Z"}\n{oops\n',
      'customers.json': '[{"id":"c1","phone":"1"}]',
      'products.json': '[{"id":"p","title":"P","category":"x","price":1,"currency":"CNY"}]',
      'orders.json': '[{"id":"o1","customerId":"c9","status":"paid","items":[{"productId":"zz","quantity":1}],"createdAt":"2026-01-01T00:00:00Z"}]',
    });
    const message = ((await importShopFolder(dir, stores.shop).catch((e: unknown) => e)) as Error).message;
    expect(message).toContain('events.jsonl:2');
    expect(message).toContain('orders.json[0] customerId: unknown customer "c9"');
    expect(message).toContain('orders.json[0] items.0.productId: unknown product "zz"');
    expect(await stores.shop.hasData()).toBe(false);
  });

  it('should refuse a folder with none of the files', async () => {
    await expect(importShopFolder(folderWith({ 'readme.txt': 'hi' }), stores.shop)).rejects.toThrow(/holds none of/);
  });
});
