/**
 * A shop's `domain.json` over the built-in one, on the real server: a new intent (utterances in
 * a shop intents file, answer a canned response from the shop's dialogs with a button) is
 * recognised and answered in zh and en, its button sends its intent; an intent whose answer kind
 * the shop changes (`promo.info` → handoff) is routed the new way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cardsOf, intentOf, textOf, type Turn } from '../helpers/chat-client';
import { useChatServer } from '../helpers/use-chat-server';

// The first start with a new intent trains a model (the cache keeps it for later runs).
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const GIFT = {
  zh: { text: '好的，我们可以免费礼品包装，下单时备注即可。', button: '查订单', ask: '这个能不能做礼品包装' },
  en: { text: 'Yes, we gift wrap for free: add a note to your order.', button: 'Track an order', ask: 'could you gift wrap my order please' },
};
const PROMO = { zh: '最近有什么优惠活动', en: 'any discounts or coupons right now' };

function shopFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-domain-shop-'));
  const write = (file: string, json: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
  };
  write('domain.json', {
    intents: {
      'gift.wrap': { answer: { kind: 'response', text: 'gift.wrap', buttons: [{ title: 'common.menuOrder', intent: 'order.status' }] } },
      'promo.info': { answer: { kind: 'handoff' } },
    },
  });
  write('dialogs/gift.json', { zh: { wrap: GIFT.zh.text }, en: { wrap: GIFT.en.text } });
  write('intents/gift.zh.json', {
    locale: 'zh',
    domain: 'gift',
    data: [{ intent: 'gift.wrap', utterances: ['可以礼品包装吗', '能帮我包装成礼物吗', '有礼盒包装吗', '送人的能包装一下吗', '礼品包装要钱吗', '可以加个礼品包装吗', '能不能包成礼物', '我想要礼品包装', '礼物包装怎么弄', '帮我做个礼品包装'] }],
  });
  write('intents/gift.en.json', {
    locale: 'en',
    domain: 'gift',
    data: [{ intent: 'gift.wrap', utterances: ['can you gift wrap it', 'do you offer gift wrapping', 'gift wrap please', 'can i get this wrapped as a present', 'is gift wrapping available', 'wrap it as a gift', 'add gift wrapping to my order', 'do you do gift wrap', 'how much is gift wrapping', 'i want it gift wrapped'] }],
  });
  fs.cpSync(path.join(ROOT, 'shops/demo/knowledge'), path.join(dir, 'knowledge'), { recursive: true });
  return dir;
}

const actionsOf = (turn: Turn) => turn.messages.flatMap((m) => m.suggestedActions?.actions ?? []);

describe('a shop domain over the built-in one', () => {
  const chat = useChatServer({ shopDir: shopFolder() });

  it.each(['zh', 'en'] as const)('should recognise and answer a new intent with its canned response and button (%s)', async (lang) => {
    const c = await chat.connect();
    const turn = await c.say(GIFT[lang].ask);
    expect(intentOf(turn)).toBe('gift.wrap');
    expect(textOf(turn)).toBe(GIFT[lang].text);
    expect(actionsOf(turn)).toEqual([{ type: 'postBack', title: GIFT[lang].button, value: 'intent:order.status' }]);
    const tapped = await c.tap('intent:order.status');
    expect(intentOf(tapped)).toBe('order.status');
    expect(tapped.messages[0].locale).toBe(lang);
  });

  it.each(['zh', 'en'] as const)('should route an intent whose answer the shop changed to a handoff (%s)', async (lang) => {
    const c = await chat.connect();
    const turn = await c.say(PROMO[lang]);
    expect(intentOf(turn)).toBe('promo.info');
    expect(cardsOf(turn, 'faq')).toHaveLength(0);
    expect(turn.messages.every((m) => m.channelData?.handoff === true)).toBe(true);
    const queue = await chat.server.stores.handoffs.list();
    expect(queue.find((e) => e.conversationId === c.session.conversationId)?.reason).toMatch(/^promo\.info/);
  });
});
