/**
 * Live shop data (issue 12): `kefu import` run beside a running server (the real CLI, a separate
 * process writing the same store) changes a price, and the server quotes the new price in Chinese
 * and English without a restart. Chat turns keep being answered while the bot is rebuilt.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatClient, cardsOf, intentOf, textOf, type Turn } from '../helpers/chat-client';
import { shop } from '../helpers/shop-fixture';
import { MODEL_CACHE, startTestServer, type TestServer } from '../helpers/test-server';
import { buildOnce, kefuImport } from '../durability/kefu-process';
import { localize, type Locale, type Product } from '../../src/core/shop';

jest.setTimeout(600_000);

const ASK = {
  zh: (title: string) => `${title}多少钱`,
  en: (title: string) => `how much is the ${title}`,
};

const priceShown = (turn: Turn, id: string): unknown => cardsOf(turn, 'product').find((c) => c.productId === id)?.price;

describe('live shop data: kefu import reaches the running bot', () => {
  let server: TestServer;
  let client: ChatClient;
  const product: Product = shop.products.find((p) => p.brand && (p.stock ?? 1) > 0)!;
  const newPrice = product.price - 500;
  /** Asks for the price; the poll below asks often, so it backs off when refused for sending too fast. */
  const ask = (lang: Locale): Promise<Turn> => client.sayPatiently(ASK[lang](localize(product.title, lang)));

  beforeAll(async () => {
    buildOnce();
    server = await startTestServer();
    client = await ChatClient.connect(server.url);
  });
  afterAll(async () => {
    client?.close();
    await server?.close();
  });

  it('should quote the imported price in zh and en without a restart', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const before = await ask(lang);
      expect(priceShown(before, product.id)).toBe(product.price);
    }
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-live-import-'));
    fs.writeFileSync(path.join(folder, 'products.json'), JSON.stringify([{ ...product, price: newPrice }]));
    const imported = await kefuImport(folder, server.dataDir, MODEL_CACHE);
    fs.rmSync(folder, { recursive: true, force: true });
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.out).toContain('"products":1');
    expect(await server.stores.shop.dataVersion()).toBe(2);

    // The server polls every 2 s and rebuilds in the background (a model the new lexicon needs is trained
    // in a worker thread): every turn meanwhile is answered, with the old price, and none waits for the training.
    const deadline = Date.now() + 400_000;
    let slowest = 0;
    const timed = async (): Promise<Turn> => {
      const started = Date.now();
      const answered = await ask('zh');
      slowest = Math.max(slowest, Date.now() - started);
      return answered;
    };
    let turn = await timed();
    while (priceShown(turn, product.id) !== newPrice && Date.now() < deadline) {
      expect(intentOf(turn)).toBeDefined();
      expect(priceShown(turn, product.id)).toBe(product.price);
      await new Promise((r) => setTimeout(r, 250));
      turn = await timed();
    }
    expect(priceShown(turn, product.id)).toBe(newPrice);
    // Training takes 12–40 s; only the swap (reading the model, ~2 s) holds the main thread.
    expect(slowest).toBeLessThan(10_000);
    expect(textOf(turn)).toMatch(new RegExp(String(newPrice).replace(/(\d)(?=(\d{3})+$)/, '$1,?')));
    const en = await ask('en');
    expect(priceShown(en, product.id)).toBe(newPrice);
    expect(textOf(en)).toMatch(new RegExp(String(newPrice).replace(/(\d)(?=(\d{3})+$)/, '$1,?')));
  });
});
