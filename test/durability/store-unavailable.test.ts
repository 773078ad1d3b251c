/**
 * The database is briefly unavailable: the shopper gets a clear "try again" with the code
 * `KEFU_UNAVAILABLE`, nothing half-written stays behind (no reply without its turn's state, no
 * state without its replies), and sending the same message again once the store is back works.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildChat, ensureShopData } from '../../src/app';
import type { ChatService } from '../../src/chat/chat-service';
import { loadConfig } from '../../src/config';
import type { ChatActivity, Conversation } from '../../src/core/conversation';
import { AppError } from '../../src/errors';
import { setPrintLine } from '../../src/log';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { DEMO_SHOP_DIR } from '../../src/shop-folder/shop-content';
import type { Stores } from '../../src/core/stores';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';
import { MODEL_CACHE } from '../helpers/test-server';
import { flaky, type FlakyStores } from './flaky-stores';

const SHOP_NOT_SAVED = { zh: '亲，刚才没存上，麻烦您再发一次哦～', en: 'Oops, that did not save, friend: please send it again!' };

describe('ChatService when the store is unavailable', () => {
  let dir: string;
  let inner: Stores;
  let db: FlakyStores;
  let chat: ChatService;
  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    setPrintLine(() => undefined); // the expected warnings would only be noise
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-unavailable-'));
    inner = openEmbeddedStores(dir);
    db = flaky(inner);
    const stores = db.stores;
    const config = loadConfig({ dataDir: dir, modelDir: MODEL_CACHE });
    await ensureShopData(config, stores);
    chat = await buildChat(config, stores);
  }, 120000);
  afterEach(() => db.up());
  afterAll(async () => {
    await inner.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const open = async (locale: 'zh' | 'en'): Promise<Conversation> =>
    (await chat.open({ channel: 'socketio', customerId: null, locale })).conversation;
  const say = async (c: Conversation, id: string, text: string): Promise<ChatActivity[]> => {
    const delivered: ChatActivity[] = [];
    // One connection throughout, as a socket would say: order verification is bound to it (issue 14).
    const { turn } = await chat.submit(c, { kind: 'message', clientId: id, text, session: `socket-${c.id}` }, (a) => delivered.push(a));
    await turn;
    return delivered;
  };

  it('should refuse the message with KEFU_UNAVAILABLE and store nothing when the store is down', async () => {
    const c = await open('en');
    db.fail('*');
    const err = await chat.submit(c, { kind: 'message', clientId: 'down-1', text: 'hello' }, () => undefined).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toJSON()).toEqual({ code: 'KEFU_UNAVAILABLE', message: expect.stringMatching(/try again/i) });
    db.up();
    expect(await inner.transcripts.list(c.id)).toEqual([]);
  });

  it.each([
    ['zh', '帮我查下订单{id}到哪了', /稍后/],
    ['en', 'where is my order {id}', /again/],
  ] as const)('should say "try again" with the code when the turn (dialog state and replies) cannot be saved, keep neither, then answer the retry (%s)', async (lang, phrase, tryAgain) => {
    const order = orderWith(['shipped']);
    const c = await open(lang);
    db.fail('transcripts.commitTurn');
    const failed = await say(c, `${lang}-m1`, phrase.replace('{id}', order.id));
    const messages = failed.filter((a) => a.type === 'message');
    expect(messages).toHaveLength(1);
    expect(messages[0].channelData).toEqual({ error: expect.objectContaining({ code: 'KEFU_UNAVAILABLE' }) });
    expect(messages[0].text).toMatch(tryAgain);
    expect(failed[failed.length - 1]).toMatchObject({ type: 'event', name: 'turn.end' });
    // Nothing half-written: the message is kept, no reply and no dialog state from the failed turn.
    expect((await inner.transcripts.list(c.id)).map((a) => a.id)).toEqual([`${lang}-m1`]);
    expect(Object.keys(await inner.state.read([`socketio/conversations/${c.id}/`]))).toEqual([]);

    db.up();
    // Two retries at once (two tabs, a client retrying on reconnect): the turn runs once.
    const retries = await Promise.all([1, 2].map(() => say(c, `${lang}-m1`, phrase.replace('{id}', order.id))));
    const ran = retries.filter((r) => r.length > 0);
    expect(ran).toHaveLength(1);
    expect(ran[0].filter((a) => a.type === 'message').length).toBeGreaterThan(0);
    const shown = await say(c, `${lang}-m2`, lastFour(customerOf(order)));
    const cards = shown.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === 'application/vnd.kefu.order+json');
    expect(cards[0]?.content).toMatchObject({ orderId: order.id });
    expect(Object.keys(await inner.state.read([`socketio/conversations/${c.id}/`]))).toHaveLength(1);
    // A second retry of the answered message runs nothing.
    expect(await say(c, `${lang}-m1`, phrase.replace('{id}', order.id))).toEqual([]);
  });

  it.each([
    ['zh', '运费怎么算', '亲，刚才没存上，麻烦您再发一次哦～'],
    ['en', 'how much is shipping', 'Oops, that did not save, friend: please send it again!'],
  ] as const)("should say the shop's own 'not saved' words from its shop folder (%s)", async (lang, text, shopWords) => {
    // Issue 15: the notice comes from dialogs/, so a shop folder rewords it like any other text.
    const shopDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-unavailable-shop-'));
    try {
      fs.cpSync(DEMO_SHOP_DIR, shopDir, { recursive: true });
      fs.mkdirSync(path.join(shopDir, 'dialogs'));
      fs.writeFileSync(path.join(shopDir, 'dialogs', 'chat.json'), JSON.stringify({ zh: { notSaved: SHOP_NOT_SAVED.zh }, en: { notSaved: SHOP_NOT_SAVED.en } }));
      const shopChat = await buildChat(loadConfig({ dataDir: dir, modelDir: MODEL_CACHE, shopDir }), db.stores);
      const c = (await shopChat.open({ channel: 'socketio', customerId: null, locale: lang })).conversation;
      db.fail('transcripts.commitTurn');
      const delivered: ChatActivity[] = [];
      const { turn } = await shopChat.submit(c, { kind: 'message', clientId: `${lang}-shop-1`, text, session: `socket-${c.id}` }, (a) => delivered.push(a));
      await turn;
      const messages = delivered.filter((a) => a.type === 'message');
      expect(messages.map((a) => a.text)).toEqual([shopWords]);
      expect(messages[0].channelData).toEqual({ error: expect.objectContaining({ code: 'KEFU_UNAVAILABLE' }) });
    } finally {
      fs.rmSync(shopDir, { recursive: true, force: true });
    }
  }, 120000);

  it("should retry a turn's one write through a brief outage", async () => {
    const c = await open('en');
    let calls = 0;
    const original = inner.transcripts.commitTurn.bind(inner.transcripts);
    inner.transcripts.commitTurn = async (turn, options) => {
      if (++calls === 1) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      return original(turn, options);
    };
    try {
      const delivered = await say(c, 'blip', 'how much is shipping');
      expect(calls).toBe(2);
      const replies = delivered.filter((a) => a.type === 'message');
      expect(replies.length).toBeGreaterThan(0);
      expect(replies[0].channelData?.error).toBeUndefined();
      expect((await inner.transcripts.repliesTo(c.id, 'blip')).map((a) => a.id)).toEqual(replies.map((a) => a.id));
    } finally {
      inner.transcripts.commitTurn = original;
    }
  });
});
