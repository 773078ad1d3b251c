/**
 * Honest handoff in the widget and on the demo page, in real headless Chromium against the real
 * server, zh and en: the page states the staff hours of the server's file (not "24 hours"), the
 * waiting reply's "back to the assistant" button leaves the queue, and "agent joined" / "agent
 * left" appear as plain-text system lines (an entity in a name stays text).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { useFreshWidget } from './fresh-widget';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient } from '../staff/staff-fixture';

const HOURS = {
  timeZone: 'UTC',
  zoneName: { zh: '协调世界时', en: 'UTC' },
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
  minutesPerConversation: 3,
};

const CASES = [
  { lang: 'zh', hours: '智能助手 24 小时在线 · 人工客服 每天 0:00–24:00（协调世界时）', handoff: '转人工', waiting: '还要等多久', back: '返回智能助手', joined: '已接入', left: '已离开' },
  { lang: 'en', hours: 'Assistant online 24/7 · Staff daily 0:00–24:00 (UTC)', handoff: 'I want to talk to a real person', waiting: 'how long do I have to wait', back: 'Back to the assistant', joined: 'has joined the chat', left: 'has left the chat' },
] as const;

describe('honest handoff in the widget (Chromium)', () => {
  useFreshWidget();
  let server: TestServer;
  let browser: Browser;
  let hoursDir: string;

  beforeAll(async () => {
    hoursDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-hours-'));
    fs.writeFileSync(path.join(hoursDir, 'hours.json'), JSON.stringify(HOURS));
    server = await startTestServer({ staffHoursFile: path.join(hoursDir, 'hours.json') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(hoursDir, { recursive: true, force: true });
  });

  const bots = (page: Page) => page.locator('[data-testid="chat-message"][data-role="bot"]');
  async function send(page: Page, text: string): Promise<void> {
    const before = await bots(page).count();
    await page.getByTestId('chat-input').fill(text);
    await page.getByTestId('chat-send').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n, before, { timeout: 15000 });
  }

  it.each(CASES)('should show the server staff hours, leave the queue, and show agent joined / left as text ($lang)', async (c) => {
    const page = await browser.newPage();
    await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), c.lang);
    await page.goto(`${server.url}/`);
    const line = page.locator(`.topbar [data-l="${c.lang}"]`).filter({ has: page.locator('[data-staff-hours]') });
    await page.locator(`[data-staff-hours="${c.lang}"]:not([hidden])`).waitFor();
    expect((await line.textContent())!.trim()).toBe(c.hours);

    await page.getByTestId('chat-open').click();
    await send(page, c.handoff);
    await send(page, c.waiting);
    expect(await bots(page).last().textContent()).toContain(c.lang === 'zh' ? '第 1 位' : 'number 1 in the queue');
    const [queued] = await server.stores.handoffs.list();
    const id = queued.conversationId;
    await page.getByTestId('chat-action').filter({ hasText: c.back }).last().click();
    await waitFor(async () => (await server.stores.handoffs.list()).length === 0);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="chat-message"][data-role="bot"]').length > n, 2, { timeout: 15000 });

    // Handed off again, an agent (an HTML entity in the name) takes over and releases: system lines, text only.
    await send(page, c.handoff);
    const name = `${c.lang} Li &amp; Co`;
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', name));
    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    const notices = page.getByTestId('chat-notice');
    await notices.filter({ hasText: c.joined }).waitFor();
    expect(await notices.filter({ hasText: c.joined }).textContent()).toContain(name);
    expect(await agent.post(`/api/staff/conversations/${id}/release`)).toMatchObject({ status: 200 });
    await notices.filter({ hasText: c.left }).waitFor();
    await page.close();
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 50));
  }
}
