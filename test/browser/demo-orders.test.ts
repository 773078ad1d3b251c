/**
 * The demo page's card of example orders (issue 12), in real headless Chromium against the real
 * server, in zh and en: it lists the demo shop's designated sample orders with the verification
 * answer, and the shown order can be looked up through the widget. The endpoint behind it shows
 * nothing for any other shop, and nothing for an order number that belongs to someone else.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser } from '../helpers/browser';
import { shop } from '../helpers/shop-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { loadConfig } from '../../src/config';
import { DEMO_ORDERS_PATH, DEMO_SAMPLE_ORDERS, demoOrdersRoute, type DemoOrder } from '../../src/http/demo-orders-route';
import { importShopFolder } from '../../src/import/import-shop';
import { shopContent } from '../../src/shop-folder/shop-content';
import { openEmbeddedStores } from '../../src/storage/embedded';
import type { Stores } from '../../src/core/stores';

const CARD_TITLE = { zh: '演示订单', en: 'Demo orders to try' };
const ASKS_FOR_DIGITS = { zh: /后四位/, en: /last (4|four) digits/i };

describe('demo orders card (Chromium)', () => {
  useFreshWidget();
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const botCount = (page: Page): Promise<number> => page.locator('[data-testid="chat-message"][data-role="bot"]').count();
  async function nextBotMessage(page: Page, before: number): Promise<string> {
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n, before, { timeout: 20000 });
    return (await page.locator('[data-testid="chat-message"][data-role="bot"]').last().textContent()) ?? '';
  }

  it.each(['zh', 'en'] as const)('should show the sample orders and look the first one up through the widget (%s)', async (lang) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
    await page.goto(`${server.url}/`);
    const card = page.locator('[data-demo-orders]');
    await card.waitFor({ state: 'visible' });
    expect(await card.locator('h3').innerText()).toBe(CARD_TITLE[lang]);

    const rows = page.locator('[data-demo-order]');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-demo-order')))).toEqual(DEMO_SAMPLE_ORDERS.map((o) => o.orderId));
    const first = rows.first();
    const id = (await first.getAttribute('data-demo-order'))!;
    const digits = (await first.locator('[data-demo-order-digits]').innerText()).trim();
    // What the card says is what the shop's data says.
    const order = shop.orders.find((o) => o.id === id)!;
    const phone = shop.customers.find((c) => c.id === order.customerId)!.phone!.replace(/\D/g, '');
    expect(digits).toBe(phone.slice(-4));

    const before = await botCount(page);
    await first.locator('[data-demo-order-ask]').click();
    await page.getByTestId('chat-input').waitFor();
    expect(await nextBotMessage(page, before)).toMatch(ASKS_FOR_DIGITS[lang]);
    const asked = await botCount(page);
    await page.getByTestId('chat-input').fill(digits);
    await page.getByTestId('chat-send').click();
    await nextBotMessage(page, asked);
    const orderCard = page.locator(`[data-testid="chat-card"][data-kind="order"][data-order-id="${id}"]`);
    await orderCard.waitFor({ timeout: 20000 });
    expect(await orderCard.textContent()).toContain(order.shipping!.trackingNumber!);
    await page.close();
  });
});

describe('GET /api/v1/demo-orders', () => {
  let stores: Stores;
  /** The route on a real HTTP server of its own, asked over HTTP. */
  const answer = async (shopDir?: string): Promise<{ orders: DemoOrder[] }> => {
    const route = demoOrdersRoute(loadConfig({ ...(shopDir ? { shopDir } : {}) }), stores.orders);
    const httpServer = http.createServer((req, res) => void route.handle({ req, res, params: {}, url: new URL(req.url!, 'http://localhost') }));
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}${DEMO_ORDERS_PATH}`);
      expect(res.status).toBe(200);
      return (await res.json()) as { orders: DemoOrder[] };
    } finally {
      await new Promise((resolve) => httpServer.close(resolve));
    }
  };

  beforeEach(async () => {
    stores = openEmbeddedStores(fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-demo-orders-')));
    await importShopFolder(shopContent(loadConfig()).knowledgeDir, stores.shop);
  });
  afterEach(async () => stores.close());

  it('should list only the designated samples of the demo shop, with the digits the bot asks for', async () => {
    const { orders } = await answer();
    expect(orders.map((o) => o.id)).toEqual(DEMO_SAMPLE_ORDERS.map((o) => o.orderId));
    for (const o of orders) {
      const customer = shop.customers.find((c) => c.id === shop.orders.find((x) => x.id === o.id)!.customerId)!;
      expect(o).toEqual({ id: o.id, status: expect.any(String), phoneLast4: customer.phone!.replace(/\D/g, '').slice(-4) });
    }
  });

  it('should list nothing for another shop, and not an order number that belongs to someone else', async () => {
    // The starter shop (`kefu init`) is another shop: nothing, although the store holds the demo's orders.
    expect((await answer(path.join(__dirname, '..', '..', 'shops', 'starter'))).orders).toEqual([]);
    const taken = shop.orders.find((o) => o.id === DEMO_SAMPLE_ORDERS[0].orderId)!;
    const stranger = { id: 'X900', name: 'Someone Else', phone: '139 0000 1111', lang: 'en' as const };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-demo-orders-import-'));
    fs.writeFileSync(path.join(dir, 'customers.json'), JSON.stringify([stranger]));
    fs.writeFileSync(path.join(dir, 'orders.json'), JSON.stringify([{ ...taken, customerId: stranger.id }]));
    await importShopFolder(dir, stores.shop);
    const { orders } = await answer();
    expect(orders.map((o) => o.id)).toEqual(DEMO_SAMPLE_ORDERS.slice(1).map((o) => o.orderId));
    expect(JSON.stringify(orders)).not.toContain('1111');
  });
});
