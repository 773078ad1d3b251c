/**
 * The console's live list in real headless Chromium against the real server, in English and
 * Chinese: a row shows each new message of its conversation as it is heard on `/staff` (the
 * bot's greeting, the agent's reply, the shopper's next words), moves to the top when its
 * conversation is the newest, and an answer of `/api/staff/live` that left the server before
 * those messages does not bring an older text back. The list's answers are held back here (as
 * a slow network would) to tell the live update from the next refetch.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { ChatClient } from '../helpers/chat-client';
import { launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { ConsoleClient, waitFor } from '../staff/staff-fixture';

const PASSWORD = 'correct-horse-battery';
/** How long each `/api/staff/live` answer is held back once the slow network is on. */
const HOLD_MS = 3000;
/** What "at once" means for a message heard on `/staff`: well under HOLD_MS. */
const LIVE_MS = 1500;

const CASES = [
  { lang: 'en', login: 'live.en', name: 'Li Na', hello: 'hello', agentText: 'Hi, I am Li Na from the shop. How can I help?', later: 'where is my parcel?', other: 'is shipping free?' },
  { lang: 'zh', login: 'live.zh', name: '李娜', hello: '你好', agentText: '您好，我是客服李娜，请问有什么可以帮您？', later: '我的包裹到哪了', other: '包邮吗' },
] as const;

const row = (id: string) => `[data-testid="conversation-row"][data-conversation-id="${id}"]`;

describe('console live list (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const shoppers: ChatClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (const c of CASES) {
      await createStaffAccount(server.stores.staff, { name: c.login, displayName: c.name, role: 'agent', password: PASSWORD }, { staffId: 'test', staffName: 'test' });
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    shoppers.forEach((s) => s.close());
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });

  async function consolePage(c: (typeof CASES)[number]): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.addInitScript((l) => window.localStorage.setItem('kefu-console.lang', l), c.lang);
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-user').fill(c.login);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-live').waitFor();
    return page;
  }

  async function shopper(locale: string): Promise<ChatClient> {
    const client = await ChatClient.connect(server.url, { locale });
    shoppers.push(client);
    return client;
  }

  /** Waits until the row of `id` shows `text`, within `ms`. */
  async function rowShows(page: Page, id: string, text: string, ms: number): Promise<void> {
    await page.locator(row(id)).getByTestId('row-text').filter({ hasText: text }).waitFor({ timeout: ms });
  }

  const activeOrder = (page: Page): Promise<string[]> =>
    page.locator(`[aria-label] > li > [data-testid="conversation-row"]:not(.row--queue)`).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-conversation-id') ?? ''));

  it.each(CASES)('should show each new message in its row at once, newest first, and keep it when a late answer arrives ($lang)', async (c) => {
    const first = await shopper(c.lang);
    const id = first.session.conversationId;
    const greeting = (await first.say(c.hello)).messages.at(-1)!.text!;
    const page = await consolePage(c);
    await rowShows(page, id, greeting, 10000);

    // From now on every answer of the live list is held back, as on a slow network: what
    // changes the rows meanwhile is what the console heard on /staff.
    const held: Promise<void>[] = [];
    let read = 0;
    await page.route('**/api/staff/live', (route: Route) => {
      const answer = route.fetch().then(async (response) => {
        read++;
        await new Promise((r) => setTimeout(r, HOLD_MS));
        await route.fulfill({ response });
      });
      held.push(answer.catch(() => undefined));
      return answer;
    });

    const agent = await ConsoleClient.login(server.url, { name: c.login, password: PASSWORD });
    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    expect((await agent.post(`/api/staff/conversations/${id}/messages`, { text: c.agentText })).status).toBe(200);
    await rowShows(page, id, c.agentText, LIVE_MS);

    expect((await first.say(c.later)).messages).toEqual([]);
    await rowShows(page, id, c.later, LIVE_MS);

    // Another shopper writes: their new row comes with the next refetch, first in the list.
    const second = await shopper(c.lang);
    await second.say(c.other);
    await page.locator(row(second.session.conversationId)).waitFor({ timeout: HOLD_MS * 3 });
    expect((await activeOrder(page)).slice(0, 2)).toEqual([second.session.conversationId, id]);

    // A refetch whose answer is read now and arrives after the agent's next message (a takeover
    // of the other conversation makes the console refetch): that answer must not undo it.
    const readBefore = read;
    expect((await agent.post(`/api/staff/conversations/${second.session.conversationId}/takeover`)).status).toBe(200);
    await waitFor(() => read > readBefore, HOLD_MS * 3, 'a refetch read before the next message');
    const latest = `${c.agentText} (2)`;
    expect((await agent.post(`/api/staff/conversations/${id}/messages`, { text: latest })).status).toBe(200);
    await rowShows(page, id, latest, LIVE_MS);
    expect((await activeOrder(page)).slice(0, 2)).toEqual([id, second.session.conversationId]);
    await Promise.all(held);
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.locator(row(id)).getByTestId('row-text').textContent()).toBe(latest);
    expect((await activeOrder(page)).slice(0, 2)).toEqual([id, second.session.conversationId]);
    await page.unrouteAll({ behavior: 'wait' });
    await agent.post(`/api/staff/conversations/${id}/release`);
    await agent.post(`/api/staff/conversations/${second.session.conversationId}/release`);
  }, 90000);
});
