/**
 * Markup in every place the console shows data, in real headless Chromium against the real
 * server. The store holds a conversation whose every field a page displays carries a payload
 * (shopper and bot text, the customer id, intent and entity names and values, card titles, order
 * numbers and statuses, FAQ questions, button titles, an agent's name, the handoff reason, an
 * annotation, an account's display name); each console page (zh and en UI) must show them as text:
 * no element is created from them and no script runs.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ChatActivity } from '../../src/core/conversation';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { hashPassword } from '../../src/staff/password-hash';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

const PASSWORD = 'correct-horse-battery';

/** A payload that would leave a trace if it ever became markup: an `<img>` element and a flag set by its script. */
const payload = (n: number): string => `P${n}<img src=x data-xss=${n} onerror="window.__xss=${n}"><script>window.__xss=${n}</script>`;

describe('console shows stored data as text (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const dialogs: string[] = [];
  const conversationId = `xss-${Date.now()}`;
  const at = (ms: number): string => new Date(Date.now() - 60_000 + ms).toISOString();

  beforeAll(async () => {
    server = await startTestServer();
    const by = { staffId: 'test', staffName: 'test' };
    await createStaffAccount(server.stores.staff, { name: 'xss.admin', displayName: 'Admin', role: 'admin', password: PASSWORD }, by);
    // An account stored by other means than the validated form (an import, an older version): its display name is markup.
    await server.stores.staff.directory.add({ id: 'xss-agent', name: 'xss.agent', displayName: payload(15), role: 'agent', passwordHash: await hashPassword(PASSWORD), createdAt: at(0) });

    const { stores } = server;
    await stores.conversations.create({ id: conversationId, channel: 'socketio', customerId: payload(1), locale: 'zh' });
    const user: ChatActivity = { type: 'message', id: 'u1', timestamp: at(1), conversationId, from: { id: 'shopper', role: 'user' }, locale: 'zh', text: payload(2) };
    const bot: ChatActivity = {
      type: 'message',
      id: 'b1',
      timestamp: at(2),
      conversationId,
      replyToId: 'u1',
      from: { id: 'kefu-bot', role: 'bot' },
      locale: 'zh',
      text: payload(3),
      attachments: [
        { contentType: 'application/vnd.kefu.product+json', content: { id: 'p1', title: payload(4), price: 1999, currency: 'CNY' } },
        { contentType: 'application/vnd.kefu.order+json', content: { orderId: payload(5), status: payload(6) } },
        { contentType: 'application/vnd.kefu.faq+json', content: { question: payload(7) } },
        { contentType: payload(8), content: {} },
      ],
      suggestedActions: { actions: [{ type: 'postBack', title: payload(9), value: 'intent:smalltalk.greeting' }] },
      channelData: { intent: { name: payload(10), score: 0.91 }, handoff: true, entities: [{ type: 'brand', value: payload(12), start: 0, end: 2 }], error: { code: payload(16) } },
    };
    const agent: ChatActivity = { type: 'message', id: 'a1', timestamp: at(3), conversationId, from: { id: 'xss-agent', role: 'agent', name: payload(13) }, text: payload(14) };
    for (const a of [user, bot, agent]) await stores.transcripts.append(a);
    await stores.handoffs.enqueue(conversationId, payload(17));
    await stores.staff.annotations.add({
      id: 'xss-annotation',
      conversationId,
      activityId: 'u1',
      text: payload(18),
      locale: 'zh',
      predictedIntent: payload(19),
      predictedScore: 0.4,
      correctIntent: 'oos',
      status: 'pending',
      createdBy: 'xss-agent',
      createdAt: at(4),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function consolePage(lang: 'zh' | 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.addInitScript((l) => window.localStorage.setItem('kefu-console.lang', l), lang);
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-user').fill('xss.admin');
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-live').waitFor();
    return page;
  }

  /** No element came from a payload and no payload script ran; resolves with the page's text. */
  async function expectNoMarkup(page: Page): Promise<string> {
    const trace = await page.evaluate(() => ({
      flag: (window as unknown as { __xss?: number }).__xss ?? null,
      elements: document.querySelectorAll('[data-xss], img[src="x"]').length,
      text: document.body.innerText,
    }));
    expect({ flag: trace.flag, elements: trace.elements, dialogs }).toEqual({ flag: null, elements: 0, dialogs: [] });
    return trace.text;
  }

  /** Waits until the page shows payload `n` as text. */
  const shows = (page: Page, n: number) => page.getByText(`P${n}<img src=x data-xss=${n}`).first().waitFor({ timeout: 10_000 });

  it('should notice a payload that became markup (the check itself)', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.setContent(`<p>${payload(99)}</p>`);
    await page.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === 99);
    expect(await page.locator('[data-xss]').count()).toBe(1);
  });

  it.each(['zh', 'en'] as const)('should show every stored field as text on every page (%s UI)', async (lang) => {
    const page = await consolePage(lang);

    // Live: the queue row (reason, last words, the customer id).
    await page.goto(`${server.url}/console/#/live`);
    await shows(page, 17);
    await shows(page, 1);
    await expectNoMarkup(page);

    // The conversation: every turn, card, chip, button title and the agent's name.
    await page.goto(`${server.url}/console/#/live/${encodeURIComponent(conversationId)}`);
    await page.locator('[data-testid="transcript-turn"]').first().waitFor();
    for (const n of [2, 3, 4, 5, 7, 9, 12, 13, 14]) await shows(page, n);
    let text = await expectNoMarkup(page);
    expect(text).toContain(payload(2));

    // Transcripts: the search result row.
    await page.goto(`${server.url}/console/#/transcripts`);
    await page.locator('[data-testid="conversation-row"]').first().waitFor();
    await expectNoMarkup(page);

    // Teach: the annotation's words; the dashboard: intent names; accounts: display names.
    await page.goto(`${server.url}/console/#/teach`);
    await shows(page, 18);
    await expectNoMarkup(page);
    await page.goto(`${server.url}/console/#/dashboard`);
    await page.waitForTimeout(500);
    await expectNoMarkup(page);
    await page.goto(`${server.url}/console/#/accounts`);
    await shows(page, 15);
    text = await expectNoMarkup(page);
    expect(text).toContain(payload(15));
  });
});
