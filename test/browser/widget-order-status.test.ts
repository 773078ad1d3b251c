/**
 * An order card names its status with the bot's own word for it (`order.label_<status>` in
 * `dialogs/order.json`, sent as the card's `statusLabel`), not with names of the widget's own —
 * for a paid order, whose names used to disagree — in real headless Chromium, zh and en.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser } from '../helpers/browser';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';

const ORDER_TEXTS = JSON.parse(fs.readFileSync(path.join(__dirname, '../../dialogs/order.json'), 'utf8')) as Record<'zh' | 'en', Record<string, string>>;
const ASK = { zh: (id: string) => `我的订单${id}到哪了`, en: (id: string) => `where is my order ${id}` };

describe('order status words in the widget (Chromium)', () => {
  useFreshWidget();
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(['zh', 'en'] as const)("should show a paid order's status as the bot names it (%s)", async (lang) => {
    const page = await browser.newPage();
    try {
      await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
      await page.goto(`${server.url}/`);
      await page.getByTestId('chat-open').click();
      await page.getByTestId('chat-input').waitFor();
      const order = orderWith(['paid']);
      for (const text of [ASK[lang](order.id), lastFour(customerOf(order))]) {
        await page.getByTestId('chat-input').fill(text);
        await page.getByTestId('chat-send').click();
        await page.waitForTimeout(300);
      }
      const status = page.locator(`[data-testid="chat-card"][data-kind="order"][data-order-id="${order.id}"] .kefu-status`);
      await status.waitFor({ timeout: 15000 });
      expect(await status.getAttribute('data-status')).toBe('paid');
      expect(await status.textContent()).toBe(ORDER_TEXTS[lang].label_paid);
    } finally {
      await page.close();
    }
  });
});
