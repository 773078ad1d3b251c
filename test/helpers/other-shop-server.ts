/**
 * @module test/helpers/other-shop-server
 * A real server on port 0 for the second shop, "拾页书咖 Page & Bean" (`test/fixtures/other-shop`),
 * imported with `kefu import` into a fresh data directory (no demo data), one per `describe`;
 * shoppers connected to it are closed after each test (`beforeClose` sees them first).
 * @example const shop = useOtherShopServer(); it('…', async () => { const c = await shop.connect(); });
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type KefuServer } from '../../src/app';
import { loadConfig, type KefuConfig } from '../../src/config';
import type { ImportSummary } from '../../src/core/shop-repository';
import { importShopFolder } from '../../src/import/import-shop';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { ChatClient } from './chat-client';
import { MODEL_CACHE, TEST_SECRET } from './test-server';

export const OTHER_SHOP_FIXTURE = path.join(__dirname, '..', 'fixtures', 'other-shop');

/** One of the second shop's knowledge files (`products.json`, `orders.json`…) as written. */
export const readOtherShop = <T>(name: string): T[] => JSON.parse(fs.readFileSync(path.join(OTHER_SHOP_FIXTURE, name), 'utf8')) as T[];

export interface OtherShopServer {
  readonly server: KefuServer;
  /** What the import reported. */
  readonly imported: ImportSummary;
  connect(auth?: Record<string, unknown>): Promise<ChatClient>;
}

export interface OtherShopOptions {
  /** Settings over the test ones (e.g. `shopDir`). */
  config?: Partial<KefuConfig>;
  /** More folders imported after the shop's own, in order (e.g. a second `kefu import`). */
  alsoImport?: string[];
  /** Sees each shopper's client before it is closed after a test. */
  beforeClose?: (client: ChatClient) => void;
}

export function useOtherShopServer(options: OtherShopOptions = {}): OtherShopServer {
  let dataDir: string | undefined;
  let server: KefuServer | undefined;
  let imported: ImportSummary | undefined;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-other-shop-'));
    const stores = openEmbeddedStores(dataDir);
    try {
      imported = await importShopFolder(OTHER_SHOP_FIXTURE, stores.shop);
      for (const folder of options.alsoImport ?? []) await importShopFolder(folder, stores.shop);
    } finally {
      await stores.close();
    }
    server = await startServer(loadConfig({ port: 0, host: '127.0.0.1', dataDir, modelDir: MODEL_CACHE, shopSecret: TEST_SECRET, importDemoWhenEmpty: false, ...options.config }));
  });
  afterEach(() => {
    for (const c of clients.splice(0)) {
      options.beforeClose?.(c);
      c.close();
    }
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get server() {
      return server!;
    },
    get imported() {
      return imported!;
    },
    async connect(auth = {}) {
      const client = await ChatClient.connect(server!.url, auth);
      clients.push(client);
      return client;
    },
  };
}
