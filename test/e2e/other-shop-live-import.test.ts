/**
 * Live shop data on a second shop (issue 12): the server runs "拾页书咖 Page & Bean"
 * (`test/fixtures/other-shop`, imported into a fresh data directory), and an operator runs the real
 * `kefu import` CLI (a separate process writing the same store) with a folder holding only the
 * changed price of one book. The shoppers already talking to the bot, in Chinese and English, are
 * quoted the new price without a restart; the books the import did not name keep their prices.
 * (Own minimal setup: no shared other-shop server helper existed when this was written.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type KefuServer } from '../../src/app';
import { loadConfig } from '../../src/config';
import { localize, type Locale, type Product } from '../../src/core/shop';
import { importShopFolder } from '../../src/import/import-shop';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { buildOnce, kefuImport } from '../durability/kefu-process';
import { cardsOf, ChatClient, textOf, type Turn } from '../helpers/chat-client';
import { MODEL_CACHE, TEST_SECRET } from '../helpers/test-server';

jest.setTimeout(600_000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'other-shop');
const products = JSON.parse(fs.readFileSync(path.join(FIXTURE, 'products.json'), 'utf8')) as Product[];
const product = (id: string): Product => products.find((p) => p.id === id)!;
/** The book whose price changes, and one the import leaves alone. */
const CHANGED = product('BOOK-02');
const UNCHANGED = product('BOOK-03');
const NEW_PRICE = 76;

const ASK = {
  zh: (title: string) => `${title}多少钱`,
  en: (title: string) => `how much is the ${title}`,
};

const priceShown = (turn: Turn, id: string): unknown => cardsOf(turn, 'product').find((c) => c.productId === id)?.price;

describe('live shop data on another shop: kefu import reaches the running bot', () => {
  let dataDir: string;
  let server: KefuServer;
  const shoppers = {} as Record<Locale, ChatClient>;
  const ask = (lang: Locale, p: Product): Promise<Turn> => shoppers[lang].say(ASK[lang](localize(p.title, lang)));

  beforeAll(async () => {
    buildOnce();
    process.env.KEFU_QUIET = 'true';
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-other-shop-live-'));
    const stores = openEmbeddedStores(dataDir);
    await importShopFolder(FIXTURE, stores.shop);
    await stores.close();
    server = await startServer(loadConfig({ port: 0, host: '127.0.0.1', dataDir, modelDir: MODEL_CACHE, shopSecret: TEST_SECRET, importDemoWhenEmpty: false }));
    for (const lang of ['zh', 'en'] as const) shoppers[lang] = await ChatClient.connect(server.url);
  });
  afterAll(async () => {
    for (const c of Object.values(shoppers)) c.close();
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('should quote the imported book price to shoppers already in a conversation, in zh and en, without a restart', async () => {
    expect(CHANGED.price).not.toBe(NEW_PRICE);
    const versionBefore = await server.stores.shop.dataVersion();
    for (const lang of ['zh', 'en'] as const) {
      const before = await ask(lang, CHANGED);
      expect(priceShown(before, CHANGED.id)).toBe(CHANGED.price);
      expect(textOf(before)).not.toMatch(new RegExp(`\\b${NEW_PRICE}\\b`));
      expect(before.messages[0].locale).toBe(lang);
    }

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-other-shop-import-'));
    fs.writeFileSync(path.join(folder, 'products.json'), JSON.stringify([{ ...CHANGED, price: NEW_PRICE }]));
    const imported = await kefuImport(folder, dataDir, MODEL_CACHE);
    fs.rmSync(folder, { recursive: true, force: true });
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.out).toContain('"products":1');
    expect(await server.stores.shop.dataVersion()).toBe(versionBefore + 1);

    // The server polls the data version and rebuilds in the background; until then the old price.
    // One question a second, as the socket's message limit allows (10 at once, then 60 a minute).
    const deadline = Date.now() + 400_000;
    let turn = await ask('zh', CHANGED);
    while (priceShown(turn, CHANGED.id) !== NEW_PRICE && Date.now() < deadline) {
      const seen = `${JSON.stringify(turn.ack)} ${textOf(turn)} ${JSON.stringify(turn.messages.map((m) => m.channelData?.intent))} ${JSON.stringify(cardsOf(turn, 'product').map((c) => [c.productId, c.price]))}`;
      expect([seen, priceShown(turn, CHANGED.id)]).toEqual([seen, CHANGED.price]);
      await new Promise((r) => setTimeout(r, 1100));
      turn = await ask('zh', CHANGED);
    }
    expect(priceShown(turn, CHANGED.id)).toBe(NEW_PRICE);
    expect(textOf(turn)).toMatch(new RegExp(`${NEW_PRICE}\\b`));
    expect(turn.messages[0].locale).toBe('zh');

    const en = await ask('en', CHANGED);
    expect(priceShown(en, CHANGED.id)).toBe(NEW_PRICE);
    expect(textOf(en)).toMatch(new RegExp(`${NEW_PRICE}\\b`));
    expect(en.messages[0].locale).toBe('en');

    // The book the import did not name keeps its price, in both languages.
    for (const lang of ['zh', 'en'] as const) expect(priceShown(await ask(lang, UNCHANGED), UNCHANGED.id)).toBe(UNCHANGED.price);
  });
});
