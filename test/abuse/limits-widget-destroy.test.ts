/**
 * Issue 14, finding 8 (the widget's part): `destroy()` right after a message used to disconnect
 * before its acknowledgement, so the message could be lost unacknowledged. The widget now keeps
 * its socket until what it sent is acknowledged (at most 2 s): once `destroy()` resolves, the
 * message is stored — a new connection finds it in `history`, answered — in zh and en.
 */
import type { Browser } from 'playwright-core';
import { ChatClient } from '../helpers/chat-client';
import { launchBrowser } from '../helpers/browser';
import { useChatServer } from '../helpers/use-chat-server';

const TEXT = { zh: '运费怎么算', en: 'how much is shipping' };

describe('the widget destroyed right after sending', () => {
  const chat = useChatServer();
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['zh', 'en'] as const)('should keep the message sent just before destroy() (%s)', async (lang) => {
    const page = await browser.newPage();
    try {
      await page.addInitScript((l) => window.localStorage.setItem('kefu-demo.lang', l), lang);
      await page.goto(`${chat.server.url}/`);
      const conversationId = (await page.waitForFunction(() => {
        const w = window as unknown as { KefuWidget?: { getConversationId(): string | null } };
        return w.KefuWidget?.getConversationId() ?? false;
      }, undefined, { timeout: 15000 }).then((h) => h.jsonValue())) as string;

      const { sentId, unackedAtDisconnect } = await page.evaluate(async (text) => {
        type ClientSocket = { acks?: Record<string, unknown>; disconnect(): unknown };
        const w = window as unknown as {
          KefuWidget: { send(t: string): string; destroy(): Promise<void> };
          io: { Socket: { prototype: ClientSocket } };
        };
        // How many acknowledgements the socket.io client still awaited when the widget closed it.
        const counts: number[] = [];
        const { disconnect } = w.io.Socket.prototype;
        w.io.Socket.prototype.disconnect = function (this: ClientSocket) {
          counts.push(Object.keys(this.acks ?? {}).length);
          return disconnect.call(this);
        };
        const id = w.KefuWidget.send(text);
        await w.KefuWidget.destroy();
        return { sentId: id, unackedAtDisconnect: counts };
      }, TEXT[lang]);
      expect(await page.locator('.kefu-root').count()).toBe(0);
      expect(unackedAtDisconnect).toEqual([0]);

      // Right after destroy() resolved, without waiting: the acknowledged message is stored.
      const back = await ChatClient.connect(chat.server.url, { locale: lang, conversationId });
      try {
        expect(back.session.resumed).toBe(true);
        expect((await back.history()).map((a) => a.id)).toContain(sentId);
      } finally {
        back.close();
      }
    } finally {
      await page.close();
    }
  });
});
