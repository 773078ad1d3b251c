/**
 * Live shop data with `kefu serve --workers 2` (issue 12): `kefu import` changes a price, and a
 * shopper on each worker is quoted the new price (zh on one, en on the other) without a restart:
 * each worker polls the shared store's shop data version and rebuilds its own bot.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardsOf, type Turn } from '../helpers/chat-client';
import { shop } from '../helpers/shop-fixture';
import { startCluster, type ClusterProcess } from '../cluster/cluster-process';
import { Shopper } from '../cluster/cluster-clients';
import { buildOnce, ROOT } from '../durability/kefu-process';
import { localize, type Locale } from '../../src/core/shop';

jest.setTimeout(600_000);

const ASK = { zh: (title: string) => `${title}多少钱`, en: (title: string) => `how much is the ${title}` };
const MODEL_CACHE = path.join(os.tmpdir(), 'kefu-test-models');

describe('live shop data with two workers', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-live-workers-'));
  let server: ClusterProcess;
  const open: Shopper[] = [];
  const product = shop.products.find((p) => p.brand && (p.stock ?? 1) > 0)!;
  const newPrice = product.price - 300;

  beforeAll(async () => {
    buildOnce();
    server = await startCluster(dataDir, 2);
  });
  afterAll(async () => {
    open.forEach((s) => s.close());
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function priceOn(shopper: Shopper, lang: Locale): Promise<unknown> {
    const messages = await shopper.say(ASK[lang](localize(product.title, lang)));
    return cardsOf({ messages } as Turn, 'product').find((c) => c.productId === product.id)?.price;
  }

  it('should quote the imported price on every worker', async () => {
    const zh = await Shopper.connect(server.url, { locale: 'zh' });
    open.push(zh);
    let en = await Shopper.connect(server.url, { locale: 'en' });
    open.push(en);
    for (let tries = 0; en.worker === zh.worker && tries < 8; tries++) {
      en = await Shopper.connect(server.url, { locale: 'en' });
      open.push(en);
    }
    expect(en.worker).not.toBe(zh.worker);
    expect(await priceOn(zh, 'zh')).toBe(product.price);
    expect(await priceOn(en, 'en')).toBe(product.price);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-live-workers-import-'));
    fs.writeFileSync(path.join(folder, 'products.json'), JSON.stringify([{ ...product, price: newPrice }]));
    const imported = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kefu.js'), 'import', folder], {
      cwd: ROOT,
      env: { ...process.env, KEFU_DATA_DIR: dataDir, KEFU_MODEL_DIR: MODEL_CACHE, KEFU_QUIET: 'true', DEBUG: '' },
      encoding: 'utf8',
    });
    fs.rmSync(folder, { recursive: true, force: true });
    expect(imported.status).toBe(0);

    const deadline = Date.now() + 400_000;
    const seen: Record<Locale, unknown> = { zh: product.price, en: product.price };
    while ((seen.zh !== newPrice || seen.en !== newPrice) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      if (seen.zh !== newPrice) seen.zh = await priceOn(zh, 'zh');
      if (seen.en !== newPrice) seen.en = await priceOn(en, 'en');
    }
    expect(seen).toEqual({ zh: newPrice, en: newPrice });
  });
});
