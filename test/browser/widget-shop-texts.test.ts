/**
 * The widget's own words are data (`dialogs/widget.json`), served by the server it talks to
 * (`GET /api/v1/widget-texts`): a shop folder whose `dialogs/widget.json` renames the launcher's
 * title shows its title, in zh and en, and the built-in texts everywhere else; a server without
 * that file shows the built-in title. When the texts cannot be fetched the widget still mounts,
 * with the copy the browser kept, else with no words — never a key. Real headless Chromium
 * against the real server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { DEMO_SHOP_DIR } from '../../src/shop-folder/shop-content';
import { WIDGET_TEXTS_PATH } from '../../src/http/widget-texts-route';

const BUILT_IN = JSON.parse(fs.readFileSync(path.join(__dirname, '../../dialogs/widget.json'), 'utf8')) as Record<'zh' | 'en', Record<string, string>>;
const SHOP_TITLE = { zh: '小熊书店客服', en: 'Little Bear Books help' };
const LANGS = ['zh', 'en'] as const;

describe('widget texts from the shop folder (Chromium)', () => {
  useFreshWidget();
  let shopDir: string;
  let shop: TestServer;
  let plain: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    // The demo shop's knowledge (so the bot is the usual one) and one renamed widget text.
    shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-shop-texts-'));
    fs.cpSync(path.join(DEMO_SHOP_DIR, 'knowledge'), path.join(shopDir, 'knowledge'), { recursive: true });
    fs.mkdirSync(path.join(shopDir, 'dialogs'));
    fs.writeFileSync(path.join(shopDir, 'dialogs', 'widget.json'), JSON.stringify({ zh: { title: SHOP_TITLE.zh }, en: { title: SHOP_TITLE.en } }));
    [shop, plain, browser] = await Promise.all([startTestServer({ shopDir }), startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    await plain?.close();
    fs.rmSync(shopDir, { recursive: true, force: true });
  });

  async function openChat(page: Page, server: TestServer, lang: 'zh' | 'en'): Promise<void> {
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
    await page.goto(`${server.url}/`);
    await page.getByTestId('chat-open').click();
    await page.getByTestId('chat-input').waitFor();
  }

  const title = (page: Page) => page.locator('.kefu-title').textContent();

  it.each(LANGS)("should show the shop's title and the built-in texts otherwise (%s)", async (lang) => {
    const page = await browser.newPage();
    try {
      await openChat(page, shop, lang);
      expect(await title(page)).toBe(SHOP_TITLE[lang]);
      expect(await page.getByTestId('chat-input').getAttribute('placeholder')).toBe(BUILT_IN[lang].placeholder);
      expect(await page.locator('.kefu-hint').textContent()).toBe(BUILT_IN[lang].hint);
      expect(await page.locator('.kefu-welcome').textContent()).toBe(BUILT_IN[lang].welcome);
      expect(await page.getByTestId('chat-send').getAttribute('aria-label')).toBe(BUILT_IN[lang].send);
    } finally {
      await page.close();
    }
  });

  it.each(LANGS)('should show the built-in title on a server without a shop override (%s)', async (lang) => {
    const page = await browser.newPage();
    try {
      await openChat(page, plain, lang);
      expect(await title(page)).toBe(BUILT_IN[lang].title);
      expect(await page.locator('.kefu-subtitle').textContent()).toBe(BUILT_IN[lang].subtitle);
    } finally {
      await page.close();
    }
  });

  it.each(LANGS)('should mount without the texts, with the kept copy or no words, never a key (%s)', async (lang) => {
    const context = await browser.newContext();
    try {
      const unreachable = await context.newPage();
      await unreachable.route(`**${WIDGET_TEXTS_PATH}*`, (route) => route.abort('connectionrefused'));
      // Never loaded in this browser: no words, but a launcher, a composer and the chat still work.
      await openChat(unreachable, shop, lang);
      expect(await title(unreachable)).toBe('');
      const shown = (await unreachable.locator('.kefu-root').innerText()) + (await unreachable.getByTestId('chat-input').getAttribute('placeholder'));
      for (const key of Object.keys(BUILT_IN[lang])) expect(shown).not.toContain(key);
      await unreachable.close();

      // Loaded once: a later page that cannot fetch them shows the copy the browser kept.
      const online = await context.newPage();
      await openChat(online, shop, lang);
      expect(await title(online)).toBe(SHOP_TITLE[lang]);
      await online.close();
      const later = await context.newPage();
      await later.route(`**${WIDGET_TEXTS_PATH}*`, (route) => route.abort('connectionrefused'));
      await openChat(later, shop, lang);
      expect(await title(later)).toBe(SHOP_TITLE[lang]);
      expect(await later.getByTestId('chat-input').getAttribute('placeholder')).toBe(BUILT_IN[lang].placeholder);
    } finally {
      await context.close();
    }
  });

  it.each(LANGS)('should serve the merged texts with an ETag, and 304 when they did not change (%s)', async (lang) => {
    const res = await fetch(`${shop.url}${WIDGET_TEXTS_PATH}?locale=${lang}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as { locale: string; texts: Record<string, string> };
    expect(body.locale).toBe(lang);
    expect(body.texts).toEqual({ ...BUILT_IN[lang], title: SHOP_TITLE[lang] });
    const etag = res.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await fetch(`${shop.url}${WIDGET_TEXTS_PATH}?locale=${lang}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    // Another shop's texts are another version.
    const other = await fetch(`${plain.url}${WIDGET_TEXTS_PATH}?locale=${lang}`, { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(200);
  });

  it('should refuse a language the texts are not written in', async () => {
    const res = await fetch(`${shop.url}${WIDGET_TEXTS_PATH}?locale=fr`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('KEFU_BAD_REQUEST');
  });
});
