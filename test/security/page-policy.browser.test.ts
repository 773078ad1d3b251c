/**
 * The pages' Content-Security-Policy in real headless Chromium against the real server: the demo
 * shop (its inline script and styles, the widget, a chat in zh and en with product cards) and
 * the staff console (login, dashboard, transcripts) run without a single policy violation; a page
 * of another origin cannot frame either of them; and the widget, embedded with one script tag in
 * a page of another origin, still starts (shops embed it in their own pages).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PASSWORD = 'correct-horse-battery';

/** Another origin (another port): serves one page given per test. */
class OtherSite {
  html = '';
  url = '';
  private readonly server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(this.html);
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

interface Watched {
  page: Page;
  /** Policy violations the page reported, and console errors that mention the policy. */
  violations: () => Promise<string[]>;
}

describe('page policy (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const other = new OtherSite();
  beforeAll(async () => {
    server = await startTestServer();
    await createStaffAccount(server.stores.staff, { name: 'csp.admin', displayName: 'CSP', role: 'admin', password: PASSWORD }, { staffId: 'test', staffName: 'test' });
    browser = await launchBrowser();
    await other.start();
  });
  afterAll(async () => {
    await browser?.close();
    await other.close();
    await server?.close();
  });

  async function watched(lang: 'zh' | 'en'): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) errors.push(m.text());
    });
    await page.addInitScript((l) => {
      window.localStorage.setItem('kefu-demo.lang', l);
      window.localStorage.setItem('kefu-console.lang', l);
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    }, lang);
    return {
      page,
      violations: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))],
    };
  }

  it.each([
    ['zh', '推荐一款3000元以内的手机'],
    ['en', 'recommend noise-cancelling headphones under 2000'],
  ])('should run the demo shop and a chat with product cards without a policy violation (%s)', async (lang, text) => {
    const { page, violations } = await watched(lang as 'zh' | 'en');
    await page.goto(`${server.url}/`);
    // The inline script ran: it set the page's language from the stored choice.
    expect(await page.getAttribute('html', 'data-lang')).toBe(lang);
    // The inline style block applied (the hero button is styled), and the style attribute too.
    expect(await page.locator('.cta').evaluate((e) => getComputedStyle(e).borderRadius)).toBe('12px');
    expect(await page.locator('#try').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.getByTestId('chat-open').click();
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
    await page.locator('[data-testid="chat-card"][data-kind="product"]').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(300);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it.each(['zh', 'en'] as const)('should run the staff console (login, dashboard, transcripts) without a policy violation (%s)', async (lang) => {
    const { page, violations } = await watched(lang);
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-user').fill('csp.admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('login-user').waitFor({ state: 'detached' });
    for (const route of ['#/dashboard', '#/transcripts', '#/live']) {
      await page.goto(`${server.url}/console/${route}`);
      await page.waitForLoadState('networkidle');
    }
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it.each([
    ['the staff console', '/console/'],
    ['the demo shop', '/'],
  ])('should not let a page of another origin frame %s', async (_what, path) => {
    other.html = `<!doctype html><title>other</title><iframe id="f" src="${server.url}${path}" width="800" height="600"></iframe>`;
    const page = await browser.newPage();
    await page.goto(other.url);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame with its error page: nothing of kefu's document is in it.
    expect(framed?.url()).not.toBe(`${server.url}${path}`);
    expect(await page.frames().at(-1)!.locator('[data-testid="login-user"], [data-testid="chat-open"]').count()).toBe(0);
    await page.close();
  });

  it('should start the widget embedded with one script tag in a page of another origin', async () => {
    other.html = `<!doctype html><title>a shop</title><p>shop</p><script src="${server.url}/widget/kefu-widget.js" data-server="${server.url}" data-locale="en"></script>`;
    const page = await browser.newPage();
    await page.goto(other.url);
    await page.getByTestId('chat-open').click();
    await page.getByTestId('chat-input').waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => typeof (window as unknown as { KefuWidget?: unknown }).KefuWidget)).toBe('object');
    await page.close();
  });
});
