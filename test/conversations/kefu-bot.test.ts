/**
 * The bot through botbuilder's TestAdapter (no socket.io): intents, replies and flow state
 * across turns, in Chinese and English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder-core';
import { buildBot, ensureShopData } from '../../src/app';
import { loadConfig } from '../../src/config';
import type { Conversation } from '../../src/core/conversation';
import { CONVERSATION_KEY } from '../../src/dialogs/turn/turn-keys';
import type { KefuBot } from '../../src/bot/kefu-bot';
import { openEmbeddedStores } from '../../src/storage/embedded';
import type { Stores } from '../../src/core/stores';
import { MEMORY_PROPERTY } from '../../src/privacy/order-access';
import { MODEL_CACHE } from '../helpers/test-server';
import { customerOf, lastFour, orderWith } from '../helpers/shop-fixture';

const intentOf = (a: Partial<Activity>): string => (a.channelData as { intent: { name: string } }).intent.name;
const cards = (a: Partial<Activity>, kind: string) => (a.attachments ?? []).filter((x) => x.contentType === `application/vnd.kefu.${kind}+json`);

describe('KefuBot (TestAdapter)', () => {
  let stores: Stores;
  let bot: KefuBot;
  const conversation: Conversation = {
    id: '',
    channel: 'test',
    customerId: null,
    locale: null,
    handoff: false,
    createdAt: '',
    updatedAt: '',
  };
  let n = 0;
  const adapter = () => {
    const id = `test-conversation-${++n}`;
    return new TestAdapter(
      async (context) => {
        context.turnState.set(CONVERSATION_KEY, { ...conversation, id });
        await bot.onTurn(context);
      },
      { channelId: 'test', conversation: { id, isGroup: false, conversationType: 'personal', name: '' } },
    );
  };

  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bot-'));
    const config = loadConfig({ dataDir, modelDir: MODEL_CACHE });
    stores = openEmbeddedStores(dataDir);
    await ensureShopData(config, stores);
    bot = await buildBot(config, stores);
  });
  afterAll(async () => stores.close());

  it('should greet in Chinese with the menu', async () => {
    await adapter()
      .send('你好')
      .assertReply((a) => {
        expect(intentOf(a)).toBe('smalltalk.greeting');
        expect(a.locale).toBe('zh');
        expect(a.suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);
      });
  });

  it('should carry the order flow across turns in English', async () => {
    const order = orderWith(['delivered']);
    await adapter()
      .send(`track order ${order.id}`)
      .assertReply((a) => {
        expect(intentOf(a)).toBe('order.status');
        expect(cards(a, 'order')).toHaveLength(0);
        expect(a.text).toContain(order.id);
      })
      .send(lastFour(customerOf(order)))
      .assertReply((a) => {
        expect(intentOf(a)).toBe('order.status');
        expect(cards(a, 'order')[0].content).toMatchObject({ orderId: order.id, status: 'delivered' });
      });
  });

  it('should answer an FAQ question with an FAQ card in both languages', async () => {
    await adapter()
      .send('怎么开发票')
      .assertReply((a) => {
        expect(intentOf(a)).toBe('invoice.request');
        expect(cards(a, 'faq')).toHaveLength(1);
      })
      .send('how do I get an invoice')
      .assertReply((a) => {
        expect(a.locale).toBe('en');
        expect(cards(a, 'faq')).toHaveLength(1);
      });
  });

  it.each([
    ['zh', '推荐几款3000以内的手机', '第二个拍照咋样'],
    ['en', 'recommend a phone under 3000', 'is the second one any good for calls?'],
  ])('should keep the cards shown in the conversation state and answer about the second one (%s)', async (_lang, ask, second) => {
    const test = adapter();
    let shown: string[] = [];
    await test
      .send(ask)
      .assertReply((a) => {
        shown = cards(a, 'product').map((c) => (c.content as { productId: string }).productId);
        expect(shown.length).toBeGreaterThanOrEqual(2);
      })
      .send(second)
      .assertReply((a) => {
        expect(intentOf(a)).toBe('product.info');
        expect(cards(a, 'product').map((c) => (c.content as { productId: string }).productId)).toEqual([shown[1]]);
      });
    // What the memory holds is in botbuilder's ConversationState, in the store: the product question's card now.
    const key = `test/conversations/test-conversation-${n}/`;
    const state = (await stores.state.read([key]))[key] as Record<string, { recent?: { intent: string; productIds: string[]; constraints?: object } }>;
    expect(state[MEMORY_PROPERTY].recent).toMatchObject({ intent: 'product.info', productIds: [shown[1]], constraints: { category: 'phones' } });
  });
});
