/**
 * The console's Retrain button (issue 12) in real headless Chromium against the real server, in the
 * zh and en UI: an admin's Teach page retrains on a correction accepted just before, shows the
 * progress while the server trains, then the held-out accuracy per language; the running bot
 * recognises the correction at once (no restart). Agents have no button.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Annotation } from '../../src/core/staff';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import type { Turn } from '../../src/staff/conversation-turns';
import { ChatClient, intentOf } from '../helpers/chat-client';
import { launchBrowser } from '../helpers/browser';
import { MODEL_CACHE, startTestServer, type TestServer } from '../helpers/test-server';
import { ConsoleClient } from '../staff/staff-fixture';

jest.setTimeout(600_000);

const PASSWORD = 'correct-horse-battery';
/** Words the corpus alone does not answer as `account.help` (as in teach.test.ts). */
const TAUGHT = {
  zh: { text: '月亮会员怎么开通', intent: 'account.help' },
  en: { text: 'how do i become a moon member', intent: 'account.help' },
} as const;
const UI = {
  zh: { running: '正在训练', done: '训练完成，机器人已使用新模型。', accuracy: /^中文留出集准确率 \d+(\.\d+)?%$/, lastTrained: /包含 (\d+) 条已采纳的纠正/ },
  en: { running: 'Training:', done: 'Retrained: the bot now uses the new model.', accuracy: /^Held-out accuracy \(English\) \d+(\.\d+)?%$/, lastTrained: /accepted corrections included: (\d+)/ },
} as const;

describe('console retrain (Chromium)', () => {
  let server: TestServer;
  let browser: Browser;
  let modelDir: string;
  let accepted = 0;

  beforeAll(async () => {
    // The server's own model folder with the shared cached models linked in: it starts without training.
    modelDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-console-retrain-models-'));
    if (fs.existsSync(MODEL_CACHE)) {
      for (const f of fs.readdirSync(MODEL_CACHE)) if (f.startsWith('nlu-')) fs.symlinkSync(path.join(MODEL_CACHE, f), path.join(modelDir, f));
    }
    server = await startTestServer({ modelDir });
    const by = { staffId: 'test', staffName: 'test' };
    await createStaffAccount(server.stores.staff, { name: 'boss', displayName: '王经理', role: 'admin', password: PASSWORD }, by);
    await createStaffAccount(server.stores.staff, { name: 'li.na', displayName: 'Li Na', role: 'agent', password: PASSWORD }, by);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (modelDir) fs.rmSync(modelDir, { recursive: true, force: true });
  });

  async function consolePage(name: string, lang: 'zh' | 'en'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript((l) => window.localStorage.setItem('kefu-console.lang', l), lang);
    await page.goto(`${server.url}/console`);
    await page.getByTestId('login-user').fill(name);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('nav-teach').click();
    return page;
  }

  /** A shopper says the words; an agent corrects the intent and the admin accepts it (the API the console uses). */
  async function teach(lang: 'zh' | 'en'): Promise<void> {
    const shopper = await ChatClient.connect(server.url, { locale: lang });
    expect(intentOf(await shopper.say(TAUGHT[lang].text))).not.toBe(TAUGHT[lang].intent);
    const agent = await ConsoleClient.login(server.url, { name: 'li.na', password: PASSWORD });
    const admin = await ConsoleClient.login(server.url, { name: 'boss', password: PASSWORD });
    const { body } = await agent.get<{ turns: Turn[] }>(`/api/staff/conversations/${shopper.session.conversationId}/turns`);
    const { body: made } = await agent.post<{ annotation: Annotation }>('/api/staff/annotations', {
      conversationId: shopper.session.conversationId,
      activityId: body.turns[0].id,
      correctIntent: TAUGHT[lang].intent,
    });
    expect((await admin.post(`/api/staff/annotations/${made.annotation.id}/accept`)).status).toBe(200);
    accepted++;
    shopper.close();
  }

  it.each(['zh', 'en'] as const)('should retrain from the Teach page with progress and accuracy, and the bot learns it at once (%s UI)', async (lang) => {
    await teach(lang);
    const page = await consolePage('boss', lang);
    const button = page.getByTestId('retrain-button');
    await button.click();
    // The server trains in the background: the page shows the bar and the step in its language.
    const progress = page.getByTestId('retrain-progress');
    await progress.waitFor();
    expect(await button.isDisabled()).toBe(true);
    expect(await page.getByTestId('retrain-status').textContent()).toContain(UI[lang].running);
    const result = page.getByTestId('retrain-result');
    await result.waitFor({ timeout: 500_000 });
    expect(await result.locator('p').first().textContent()).toBe(UI[lang].done);
    expect(((await page.getByTestId(`retrain-accuracy-${lang}`).textContent()) ?? '').trim()).toMatch(UI[lang].accuracy);
    expect(await button.isDisabled()).toBe(false);
    // The training history above reloads with the new run.
    await page.waitForFunction(([re, n]) => new RegExp(re as string).exec(document.body.textContent ?? '')?.[1] === String(n), [UI[lang].lastTrained.source, accepted] as const);

    const shopper = await ChatClient.connect(server.url, { locale: lang });
    expect(intentOf(await shopper.say(TAUGHT[lang].text))).toBe(TAUGHT[lang].intent);
    shopper.close();
    await page.close();
  });

  it('should show agents no retrain button', async () => {
    const page = await consolePage('li.na', 'en');
    await page.getByTestId('annotations').waitFor();
    expect(await page.getByTestId('retrain-button').count()).toBe(0);
    await page.close();
  });
});
