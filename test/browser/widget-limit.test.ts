/**
 * The widget's message limit is the server's (`maxTextLength`, sent in `session`), not a copy:
 * a server configured for 40 characters gets a widget whose counter, limit notice and `send()`
 * all keep to 40 — in real headless Chromium, zh and en.
 */
import type { Browser, Page } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser } from '../helpers/browser';
import { useChatServer } from '../helpers/use-chat-server';

const LIMIT = 40;
const CASES = [
  { lang: 'zh', text: '运费怎么算', full: `已达到 ${LIMIT} 字上限`, long: '请问'.repeat(30) },
  { lang: 'en', text: 'how much is shipping', full: `${LIMIT}-character limit reached`, long: 'shipping '.repeat(10) },
] as const;

describe('the widget keeps to the server message limit (Chromium)', () => {
  useFreshWidget();
  const chat = useChatServer({ maxTextLength: LIMIT });
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function openChat(page: Page, lang: string): Promise<void> {
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
    await page.goto(`${chat.server.url}/`);
    await page.getByTestId('chat-open').click();
    // The counter names the limit once the server's session said it.
    await page.waitForFunction((max) => document.querySelector('.kefu-counter')?.textContent === `0/${max}`, LIMIT, { timeout: 15000 });
  }

  it('should announce the limit in session', async () => {
    const client = await chat.connect({ locale: 'zh' });
    expect(client.session.maxTextLength).toBe(LIMIT);
  });

  it.each(CASES)('should count, stop and cut at the server limit ($lang)', async (c) => {
    const page = await browser.newPage();
    try {
      await openChat(page, c.lang);
      const input = page.getByTestId('chat-input');
      expect(await input.getAttribute('maxlength')).toBe(String(LIMIT));
      await input.fill(c.text);
      expect(await page.locator('.kefu-counter').textContent()).toBe(`${c.text.length}/${LIMIT}`);
      expect(await page.getByTestId('chat-send').isDisabled()).toBe(false);

      await input.fill(c.long.slice(0, LIMIT));
      expect(await page.locator('.kefu-counter').getAttribute('aria-label')).toBe(c.full);

      // send() cuts to the server's limit, so the server takes it (it refuses longer text).
      const conversationId = await page.evaluate(() => (window as unknown as { KefuWidget: { getConversationId(): string } }).KefuWidget.getConversationId());
      const id = await page.evaluate((t) => (window as unknown as { KefuWidget: { send(t: string): string } }).KefuWidget.send(t), c.long);
      await page.locator(`[data-testid="chat-message"][data-id="${id}"][data-status="sent"]`).waitFor({ timeout: 15000 });
      const back = await chat.connect({ conversationId });
      const stored = (await back.history()).find((a) => a.id === id);
      expect(stored?.text).toBe(c.long.trim().slice(0, LIMIT));
    } finally {
      await page.close();
    }
  });
});
