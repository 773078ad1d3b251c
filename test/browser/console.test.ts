/**
 * The staff console and the chat widget together, in real headless Chromium against the real
 * server: a shopper chats, an agent sees it live, takes over, replies (the widget shows the
 * agent's name), the bot stays quiet until release; text stays text in both; a second agent is
 * refused; the API refuses a logged-out caller; zh and en UI, desktop and phone. Writes
 * screenshots (console-*.png) to SCREENSHOT_DIR (test/artifacts/screenshots; `npm run screenshots`: test/screenshots).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { recordTrainingRun } from '../../src/staff/training-runs';
import { launchBrowser, SCREENSHOT_DIR } from '../helpers/browser';
import { MODEL_CACHE, startTestServer, type TestServer } from '../helpers/test-server';

const SHOTS = SCREENSHOT_DIR;
const PASSWORD = 'correct-horse-battery';
const XSS = '<img src=x onerror=alert(1)>';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const msg = (role: string) => `[data-testid="chat-message"][data-role="${role}"]`;
const row = (id: string) => `[data-testid="conversation-row"][data-conversation-id="${id}"]`;

describe('staff console (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  /** The server's own model folder (training runs are written there), with the shared cached models linked in. */
  let modelDir: string;
  const contexts: BrowserContext[] = [];
  /** Every dialog any page opened (an XSS payload that ran would open one). */
  const dialogs: string[] = [];

  beforeAll(async () => {
    modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-console-models-'));
    if (fs.existsSync(MODEL_CACHE)) {
      for (const f of fs.readdirSync(MODEL_CACHE)) if (f.startsWith('nlu-')) fs.symlinkSync(path.join(MODEL_CACHE, f), path.join(modelDir, f));
    }
    server = await startTestServer({ modelDir });
    const by = { staffId: 'test', staffName: 'test' };
    for (const [name, displayName, role] of [['li.na', 'Li Na', 'agent'], ['tom', 'Tom Chen', 'agent'], ['boss', '王经理', 'admin']]) {
      await createStaffAccount(server.stores.staff, { name, displayName, role, password: PASSWORD }, by);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    if (modelDir) fs.rmSync(modelDir, { recursive: true, force: true });
  });

  async function newPage(options: Parameters<Browser['newContext']>[0] & { lang?: 'zh' | 'en' }): Promise<Page> {
    const { lang, ...contextOptions } = options;
    const context = await browser.newContext(contextOptions);
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    if (lang) await page.addInitScript((l) => window.localStorage.setItem('kefu-console.lang', l), lang);
    return page;
  }

  /** A shopper on the demo page with the widget open; resolves with their conversation id. */
  async function shopper(lang: 'zh' | 'en', options: Parameters<Browser['newContext']>[0] = { viewport: DESKTOP }): Promise<Page> {
    const page = await newPage(options);
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
    await page.goto(`${server.url}/`);
    await page.getByTestId('chat-open').click();
    await page.getByTestId('chat-input').waitFor();
    return page;
  }

  async function conversationIdOf(page: Page): Promise<string> {
    await page.waitForFunction(() => !!(window as unknown as { KefuWidget: { getConversationId(): string | null } }).KefuWidget.getConversationId());
    return page.evaluate(() => (window as unknown as { KefuWidget: { getConversationId(): string } }).KefuWidget.getConversationId());
  }

  /** Types into the widget; waits until the message is shown, and (when `reply`) for one more bot message. */
  async function say(page: Page, text: string, reply: boolean): Promise<void> {
    const users = await page.locator(msg('user')).count();
    const bots = await page.locator(msg('bot')).count();
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length > (n as number), [msg('user'), users] as const);
    if (reply) await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length > (n as number), [msg('bot'), bots] as const, { timeout: 15000 });
  }

  async function login(page: Page, name: string): Promise<void> {
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-user').fill(name);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-live').waitFor();
  }

  /** Another agent opens the conversation and tries to take it: what the console shows. */
  async function tryTakeover(name: string, lang: 'zh' | 'en', id: string): Promise<{ refusal: string; inputDisabled: boolean }> {
    const page = await newPage({ viewport: DESKTOP, lang });
    await login(page, name);
    await page.goto(`${server.url}/console/#/live/${encodeURIComponent(id)}`);
    await page.getByTestId('takeover').click();
    await page.getByTestId('takeover-error').waitFor();
    return { refusal: (await page.getByTestId('takeover-error').textContent()) ?? '', inputDisabled: await page.getByTestId('agent-input').isDisabled() };
  }

  /** The console's turn whose shopper text is exactly `text`. */
  function turnWith(page: Page, text: string) {
    return page.locator('[data-testid="transcript-turn"]').filter({ has: page.locator('[data-testid="turn-text"]', { hasText: text }) });
  }

  /** Roles of the widget's messages in order, with their text. */
  function widgetLog(page: Page): Promise<{ role: string; text: string }[]> {
    return page.$$eval('[data-testid="chat-message"]', (nodes) => nodes.map((n) => ({ role: n.getAttribute('data-role') ?? '', text: n.textContent ?? '' })));
  }

  it('should let an agent take over, reply and release while text stays text (English UI, desktop)', async () => {
    const shop = await shopper('en');
    await say(shop, 'hello', true);
    const id = await conversationIdOf(shop);

    // Someone else asked for a person: the queue comes first, with the reason.
    const waiting = await shopper('zh');
    await say(waiting, '转人工', true);
    const waitingId = await conversationIdOf(waiting);

    // A wrong password is refused in words; then the agent signs in.
    const agent = await newPage({ viewport: DESKTOP, lang: 'en' });
    await agent.goto(`${server.url}/console`);
    await agent.getByTestId('login-user').fill('li.na');
    await agent.getByTestId('login-password').fill('not-the-password');
    await agent.getByTestId('login-submit').click();
    await agent.getByTestId('login-error').waitFor();
    expect(await agent.getByTestId('login-error').textContent()).toMatch(/wrong name or password/i);
    await login(agent, 'li.na');
    expect(await agent.getByTestId('nav-live').textContent()).toContain('Live');
    await agent.locator(row(id)).waitFor();
    const queued = agent.locator(row(waitingId));
    await queued.waitFor();
    expect(await queued.getByTestId('queue-reason').textContent()).toContain('Asks for a human');
    const rows = await agent.locator('[data-testid="conversation-row"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-conversation-id')));
    expect(rows.indexOf(waitingId)).toBeLessThan(rows.indexOf(id));
    await agent.screenshot({ path: path.join(SHOTS, 'console-live.png') });

    // Open it: the shopper's turn with the recognised intent and the bot's reply.
    await agent.locator(row(id)).click();
    const hello = turnWith(agent, 'hello');
    await hello.waitFor();
    expect(await hello.getByTestId('turn-intent').textContent()).toMatch(/Greeting\s*\d+(\.\d)?%/);
    expect(await hello.locator('.reply').count()).toBeGreaterThan(0);

    // Take over and write: the widget shows it as the agent's, with the agent's name.
    await agent.getByTestId('takeover').click();
    await agent.getByTestId('release').waitFor();
    expect(await agent.getByTestId('conversation-status').textContent()).toContain('You are handling this');
    await agent.getByTestId('agent-input').fill('Hi, I am Li Na from the shop. How can I help?');
    await agent.getByTestId('agent-send').click();
    const fromAgent = shop.locator(msg('agent')).filter({ hasText: 'How can I help?' });
    await fromAgent.waitFor({ timeout: 15000 });
    expect(await fromAgent.textContent()).toContain('Li Na');
    await agent.locator('[data-testid="transcript-turn"][data-role="agent"]').filter({ hasText: 'How can I help?' }).waitFor();

    // While taken, the shopper's message reaches the console and the bot says nothing (checked below,
    // once a later turn has run: one conversation's turns run in order). The payload stays text.
    await say(shop, XSS, false);
    const xssTurn = turnWith(agent, XSS);
    await xssTurn.waitFor({ timeout: 15000 });
    expect(await xssTurn.getByTestId('turn-text').textContent()).toBe(XSS);
    expect(await xssTurn.textContent()).not.toContain('null');
    expect(await shop.locator(msg('user')).filter({ hasText: XSS }).count()).toBe(1);
    expect(await agent.locator('img[src="x"]').count()).toBe(0);
    expect(await shop.locator('img[src="x"]').count()).toBe(0);
    await agent.screenshot({ path: path.join(SHOTS, 'console-conversation.png') });

    // A second agent is refused, and sees who has it.
    const second = await tryTakeover('tom', 'en', id);
    expect(second.refusal).toMatch(/already taken by Li Na/i);
    expect(second.inputDisabled).toBe(true);

    // Release: the bot answers the shopper's next message again.
    await agent.getByTestId('release').click();
    await agent.getByTestId('takeover').waitFor();
    await say(shop, 'where is my order DD20261101008', true);
    const log = await widgetLog(shop);
    const at = log.findIndex((m) => m.role === 'user' && m.text.includes(XSS));
    expect(log[at + 1]).toMatchObject({ role: 'user' });
    expect(log[at + 1].text).toContain('where is my order');
    expect(log.slice(at + 2).some((m) => m.role === 'bot')).toBe(true);
    // That turn in the console: the bot's reply, the intent and the order number found in it.
    const orderTurn = turnWith(agent, 'where is my order DD20261101008');
    await orderTurn.locator('.reply').first().waitFor({ timeout: 15000 });
    expect(await orderTurn.getByTestId('turn-intent').textContent()).toContain('Order status');
    expect(await orderTurn.getByTestId('turn-entity').allTextContents()).toContainEqual(expect.stringContaining('DD20261101008'));
    expect(await xssTurn.locator('.reply').count()).toBe(0);

    // The dashboard draws its charts.
    await agent.getByTestId('nav-dashboard').click();
    await agent.locator('[data-testid="chart-per-day"] rect.bar').first().waitFor();
    expect(Number((await agent.getByTestId('kpi-conversations').locator('.kpi-value').textContent())!.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    await agent.screenshot({ path: path.join(SHOTS, 'console-dashboard.png') });

    // Logged out (no cookie, and after signing out) the API answers 401.
    const status = () => shop.evaluate(() => fetch('/api/staff/live', { credentials: 'same-origin' }).then((r) => r.status));
    expect(await status()).toBe(401);
    await agent.getByTestId('logout').click();
    await agent.getByTestId('login-user').waitFor();
    expect(await agent.evaluate(() => fetch('/api/staff/live', { credentials: 'same-origin' }).then((r) => r.status))).toBe(401);
    expect(dialogs).toEqual([]);
  }, 180000);

  it('should serve the handoff queue, takeover, teaching and review in Chinese on a phone', async () => {
    const shop = await shopper('zh', PHONE);
    await say(shop, '转人工', true);
    const id = await conversationIdOf(shop);

    // No stored choice: the UI language follows the browser (zh-CN).
    const agent = await newPage({ ...PHONE, locale: 'zh-CN' });
    await login(agent, 'tom');
    expect(await agent.getByTestId('nav-live').textContent()).toContain('实时会话');
    const queued = agent.locator(row(id));
    await queued.waitFor();
    expect(await queued.getByTestId('queue-reason').textContent()).toContain('转人工');
    const waited = await queued.getByTestId('waiting-time').textContent();
    await agent.waitForFunction(([sel, before]) => document.querySelector(sel)?.querySelector('[data-testid="waiting-time"]')?.textContent !== before, [row(id), waited] as const, { timeout: 5000 });
    await agent.screenshot({ path: path.join(SHOTS, 'console-phone-live.png') });

    // On a phone the conversation replaces the list.
    await queued.click();
    await agent.getByTestId('takeover').click();
    await agent.getByTestId('release').waitFor();
    expect(await agent.locator('.list-pane').isVisible()).toBe(false);
    // Keyboard: Enter sends.
    await agent.getByTestId('agent-input').fill('您好，我是人工客服，请问有什么可以帮您？');
    await agent.getByTestId('agent-input').press('Enter');
    const fromAgent = shop.locator(msg('agent')).filter({ hasText: '有什么可以帮您' });
    await fromAgent.waitFor({ timeout: 15000 });
    expect(await fromAgent.textContent()).toContain('Tom Chen');

    await say(shop, XSS, false);
    await turnWith(agent, XSS).waitFor({ timeout: 15000 });
    expect(await agent.locator('img[src="x"]').count()).toBe(0);

    // Teach: mark the first shopper turn's intent as wrong (oos) while new turns keep arriving.
    const first = turnWith(agent, '转人工');
    await first.getByTestId('annotate').click();
    await first.getByTestId('intent-select').selectOption('oos');
    await first.getByTestId('annotate-save').click();
    await first.getByTestId('annotation').waitFor();
    expect(await first.getByTestId('annotation').textContent()).toContain('待审核');
    await agent.screenshot({ path: path.join(SHOTS, 'console-phone-conversation.png') });

    // Another agent (Chinese UI) is refused with the holder's name.
    const other = await tryTakeover('li.na', 'zh', id);
    expect(other.refusal).toContain('Tom Chen');
    expect(other.refusal).toContain('接管');
    expect(other.inputDisabled).toBe(true);

    // An admin accepts the correction and sees how held-out accuracy changed between the last two
    // trainings; the language switch is remembered across a reload.
    recordTrainingRun(modelDir, { at: new Date(Date.now() - 86400000).toISOString(), acceptedAnnotations: 0, heldOut: { zh: { accuracy: 0.948, n: 250 }, en: { accuracy: 0.916, n: 262 } } });
    recordTrainingRun(modelDir, { at: new Date().toISOString(), acceptedAnnotations: 1, heldOut: { zh: { accuracy: 0.952, n: 250 }, en: { accuracy: 0.909, n: 262 } } });
    const admin = await newPage({ viewport: DESKTOP, locale: 'zh-CN' });
    await login(admin, 'boss');
    await admin.getByTestId('nav-teach').click();
    await admin.getByTestId('accuracy-delta').first().waitFor();
    expect(await admin.getByTestId('training-zh').textContent()).toMatch(/95\.2%.*\+0\.4/);
    expect(await admin.getByTestId('training-en').textContent()).toMatch(/90\.9%.*-0\.7/);
    const pending = admin.getByTestId('annotation-row').filter({ hasText: '转人工' });
    await pending.waitFor();
    expect(await pending.getByTestId('annotation-intent').textContent()).toContain('oos');
    await pending.getByTestId('annotation-accept').click();
    await admin.getByTestId('teach-tab-accepted').click();
    await admin.getByTestId('annotation-row').filter({ hasText: '转人工' }).waitFor();
    await admin.getByTestId('lang-switch').selectOption('en');
    expect(await admin.getByTestId('nav-teach').textContent()).toContain('Teach');
    await admin.reload();
    await admin.getByTestId('nav-teach').waitFor();
    expect(await admin.getByTestId('nav-teach').textContent()).toContain('Teach');
    await admin.getByTestId('lang-switch').selectOption('zh');

    // Transcripts: search by text, then export the filtered set (JSON Lines) as an admin.
    await admin.getByTestId('nav-transcripts').click();
    await admin.getByTestId('filter-text').fill('有什么可以帮您');
    await admin.getByTestId('search').click();
    await admin.locator(row(id)).waitFor();
    expect(await admin.locator('[data-testid="results"] [data-testid="conversation-row"]').count()).toBe(1);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('export-jsonl').click()]);
    const lines = fs.readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { conversationId: string; text?: string });
    expect(new Set(lines.map((l) => l.conversationId))).toEqual(new Set([id]));
    expect(lines.some((l) => l.text === XSS)).toBe(true);

    await agent.getByTestId('release').click();
    await agent.getByTestId('takeover').waitFor();
    await say(shop, '运费多少', true);
    await agent.getByTestId('conversation-back').click();
    await agent.getByTestId('nav-dashboard').click();
    await agent.locator('[data-testid="chart-per-day"] rect.bar').first().waitFor();
    await agent.screenshot({ path: path.join(SHOTS, 'console-phone-dashboard.png'), fullPage: true });
    expect(dialogs).toEqual([]);
  }, 180000);

  it("should badge each shopper turn's sentiment, put an angry shopper first in the queue and chart the mood per day (zh and en)", async () => {
    // A calm shopper asks for a person first, an angry one after.
    const calm = await shopper('zh');
    await say(calm, '转人工', true);
    const calmId = await conversationIdOf(calm);
    const angry = await shopper('en');
    await say(angry, 'I want to talk to a real person NOW, this is ridiculous!!!', true);
    const angryId = await conversationIdOf(angry);
    // A Chinese shopper angry about an order: empathy first in the widget.
    const upset = await shopper('zh');
    await say(upset, '搞什么啊，我的快递到底到哪了？？', true);
    const upsetId = await conversationIdOf(upset);
    const upsetLog = await widgetLog(upset);
    expect(upsetLog.filter((m) => m.role === 'bot').at(-1)!.text).toMatch(/抱歉|理解您的心情|对不起/);

    const agent = await newPage({ viewport: DESKTOP, lang: 'en' });
    await login(agent, 'li.na');
    const queuedRow = (id: string) => agent.locator(`.row--queue${row(id)}`);
    await queuedRow(angryId).waitFor();
    await queuedRow(calmId).waitFor();
    const queue = await agent.locator('.row--queue').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-conversation-id')));
    expect(queue.indexOf(angryId)).toBeLessThan(queue.indexOf(calmId));
    expect(await queuedRow(angryId).getByTestId('queue-angry').textContent()).toBe('Angry shopper');
    expect(await queuedRow(calmId).getByTestId('queue-angry').count()).toBe(0);

    // The angry turn's badge, as text.
    await queuedRow(angryId).click();
    const angryTurn = turnWith(agent, 'this is ridiculous');
    await angryTurn.waitFor();
    const badge = angryTurn.getByTestId('turn-sentiment');
    expect(await badge.textContent()).toMatch(/^negative · anger (0\.[5-9]\d|1\.00)$/);
    expect(await badge.getAttribute('data-angry')).toBe('true');
    await agent.screenshot({ path: path.join(SHOTS, 'console-sentiment.png') });

    // In Chinese: the angry order question and the calm handoff.
    const zhAgent = await newPage({ viewport: DESKTOP, lang: 'zh' });
    await login(zhAgent, 'tom');
    await zhAgent.goto(`${server.url}/console/#/live/${encodeURIComponent(upsetId)}`);
    const upsetBadge = turnWith(zhAgent, '我的快递到底到哪了').getByTestId('turn-sentiment');
    await upsetBadge.waitFor();
    expect(await upsetBadge.textContent()).toMatch(/^(负面|中性) · 怒气 (0\.[5-9]\d|1\.00)$/);
    expect(await upsetBadge.getAttribute('data-angry')).toBe('true');
    await zhAgent.goto(`${server.url}/console/#/live/${encodeURIComponent(calmId)}`);
    const calmBadge = turnWith(zhAgent, '转人工').getByTestId('turn-sentiment');
    await calmBadge.waitFor();
    expect(await calmBadge.textContent()).toMatch(/^中性 · 怒气 0\.[0-4]\d$/);
    expect(await calmBadge.getAttribute('data-angry')).toBe('false');

    // The dashboard: negative share and angry turns, with their charts.
    await zhAgent.getByTestId('nav-dashboard').click();
    await zhAgent.locator('[data-testid="chart-angry"] rect.bar').first().waitFor();
    expect(await zhAgent.getByTestId('kpi-angry').locator('.kpi-label').textContent()).toBe('生气的对话轮次');
    expect(Number(await zhAgent.getByTestId('kpi-angry').locator('.kpi-value').textContent())).toBeGreaterThanOrEqual(2);
    expect(await zhAgent.getByTestId('kpi-negative').locator('.kpi-value').textContent()).toMatch(/%$/);
    await zhAgent.locator('[data-testid="chart-negative"] circle.dot').first().waitFor();
    expect(dialogs).toEqual([]);
  }, 120000);
});
