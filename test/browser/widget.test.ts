/**
 * The chat widget on the demo page, in real headless Chromium against the real server:
 * chat in both languages, cards, suggested actions, text never rendered as HTML, resume after
 * a reload. Writes screenshots to SCREENSHOT_DIR (test/artifacts/screenshots; `npm run screenshots`: test/screenshots).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { startTestServer, type TestServer } from '../helpers/test-server';

const SHOTS = SCREENSHOT_DIR;

describe('chat widget (Chromium)', () => {
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

  async function openChat(page: Page, lang: 'zh' | 'en'): Promise<void> {
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
    await page.goto(`${server.url}/`);
    await page.getByTestId('chat-open').click();
    await page.getByTestId('chat-input').waitFor();
  }

  async function send(page: Page, text: string): Promise<void> {
    const before = await page.locator('[data-testid="chat-message"][data-role="bot"]').count();
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n,
      before,
      { timeout: 15000 },
    );
    await page.waitForTimeout(150);
  }

  it('should chat in Chinese: recommendations as cards, an order after verification, resume after reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const alerts: string[] = [];
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await openChat(page, 'zh');
    await send(page, '推荐一款3000元以内的手机');
    const products = page.locator('[data-testid="chat-card"][data-kind="product"]');
    expect(await products.count()).toBeGreaterThanOrEqual(3);
    const action = page.getByTestId('chat-action').first();
    const actionTitle = (await action.textContent())!.trim();
    const botsBefore = await page.locator('[data-testid="chat-message"][data-role="bot"]').count();
    await action.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n,
      botsBefore,
      { timeout: 15000 },
    );

    const order = orderWith(['shipped']);
    await send(page, `我的订单${order.id}到哪了`);
    await send(page, lastFour(customerOf(order)));
    const orderCard = page.locator(`[data-testid="chat-card"][data-kind="order"][data-order-id="${order.id}"]`);
    await orderCard.waitFor();
    expect(await orderCard.textContent()).toContain(order.shipping!.trackingNumber!);
    await page.screenshot({ path: path.join(SHOTS, 'widget-conversation.png') });

    const payload = '<img src=x onerror=alert(1)>';
    await send(page, payload);
    const userTexts = await page.locator('[data-testid="chat-message"][data-role="user"]').allTextContents();
    expect(userTexts.some((t) => t.includes(payload))).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(alerts).toEqual([]);

    const count = await page.locator('[data-testid="chat-message"]').count();
    await page.reload();
    await page.getByTestId('chat-open').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"]').length >= n, count, { timeout: 15000 });
    // A reload is a new connection: the verification does not carry over (issue 14), so the
    // resumed history shows a placeholder instead of the order card and its tracking number.
    expect(await page.locator(`[data-testid="chat-card"][data-kind="order"][data-order-id="${order.id}"]`).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(order.shipping!.trackingNumber!);
    const botTexts = await page.locator('[data-testid="chat-message"][data-role="bot"]').allTextContents();
    expect(botTexts.some((t) => t.includes(order.id))).toBe(true);
    // The tapped suggestion comes back as the shopper's own words, not as its postback value.
    const resumedUserTexts = await page.locator('[data-testid="chat-message"][data-role="user"]').allTextContents();
    expect(resumedUserTexts.some((t) => t.includes(actionTitle))).toBe(true);
    expect(alerts).toEqual([]);
    await page.close();
  });

  it('should chat in English on a phone-sized screen and follow a suggested action', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await openChat(page, 'en');
    await send(page, 'hello');
    const botText = await page.locator('[data-testid="chat-message"][data-role="bot"]').last().textContent();
    expect(botText).toMatch(/[A-Za-z]/);
    const before = await page.locator('[data-testid="chat-message"][data-role="bot"]').count();
    await page.getByTestId('chat-action').first().click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n,
      before,
      { timeout: 15000 },
    );
    await send(page, 'how much is shipping');
    expect(await page.locator('[data-testid="chat-card"][data-kind="faq"]').count()).toBeGreaterThanOrEqual(1);
    const panel = await page.getByTestId('chat-panel').boundingBox();
    expect(panel!.width).toBeGreaterThanOrEqual(380);
    await page.screenshot({ path: path.join(SHOTS, 'widget-phone.png') });
    await page.close();
  });
});
