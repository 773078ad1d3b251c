/**
 * A shop's own question about one product (issue 15 + 12): `product.warranty`, answered by the
 * `productQuestion` skill, keeps its name when "it" after one product points at that product,
 * and on the "which one?" buttons after a list, whose tap answers it about the card tapped. In zh
 * and en, on the real server with a shop folder over the built-in content. (What is under test is
 * the routing, not the classifier: the questions are close to the shop's own utterances.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import productTexts from '../../dialogs/product.json';
import { postbacks } from '../../src/dialogs/turn/postback';
import { localize } from '../../src/core/shop';
import { cardsOf, intentOf, textOf, type Turn } from '../helpers/chat-client';
import { shop } from '../helpers/shop-fixture';
import { useChatServer } from '../helpers/use-chat-server';

// The first start with a new intent trains a model (the cache keeps it for later runs).
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const WARRANTY = 'product.warranty';
const PHRASES = {
  zh: { named: '小米14 Pro怎么样', phones: '3000以内的手机', it: '它保修期多久' },
  en: { named: 'tell me about the xiaomi 14 pro', phones: 'phones under 3000', it: 'is it covered by warranty?' },
};

function shopFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-warranty-shop-'));
  const write = (file: string, json: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
  };
  write('domain.json', { intents: { [WARRANTY]: { answer: { kind: 'skill', skill: 'productQuestion' } } } });
  write('intents/warranty.zh.json', {
    locale: 'zh',
    domain: 'warranty',
    data: [{ intent: WARRANTY, utterances: ['这款保修多久', '保修期是多长时间', '华为手机保修几年', '耳机有保修吗', '笔记本保修怎么算', '这个电脑保修一年吗', '保修期多久', '手机坏了保修吗', '有没有延保', '保修包括哪些'] }],
  });
  write('intents/warranty.en.json', {
    locale: 'en',
    domain: 'warranty',
    data: [{ intent: WARRANTY, utterances: ['how long is the warranty', 'what is the warranty period', 'does the huawei phone have a warranty', 'is there a warranty on these earbuds', 'warranty on the laptop', 'is it covered by warranty', 'how many years of warranty', 'what does the warranty cover', 'do you offer an extended warranty', 'warranty for this phone'] }],
  });
  fs.cpSync(path.join(ROOT, 'shops/demo/knowledge'), path.join(dir, 'knowledge'), { recursive: true });
  return dir;
}

const buttonsOf = (turn: Turn) => turn.messages.flatMap((m) => m.suggestedActions?.actions ?? []);
const xiaomi14Pro = shop.products.find((p) => localize(p.title, 'en').startsWith('Xiaomi 14 Pro'))!;

describe("a shop's own question about one product", () => {
  const chat = useChatServer({ shopDir: shopFolder() });

  it.each(['zh', 'en'] as const)('should answer it about the product shown before, keeping its intent (%s)', async (lang) => {
    expect(xiaomi14Pro).toBeDefined();
    const c = await chat.connect();
    expect(cardsOf(await c.say(PHRASES[lang].named), 'product').map((card) => card.productId)).toEqual([xiaomi14Pro.id]);
    const turn = await c.say(PHRASES[lang].it);
    expect(intentOf(turn)).toBe(WARRANTY);
    expect(cardsOf(turn, 'product').map((card) => card.productId)).toEqual([xiaomi14Pro.id]);
    expect(textOf(turn)).toContain(localize(xiaomi14Pro.title, lang));
  });

  it.each(['zh', 'en'] as const)('should ask which one "it" is after a list, and the tap answers the warranty question about that card (%s)', async (lang) => {
    const c = await chat.connect();
    const list = cardsOf(await c.say(PHRASES[lang].phones), 'product').map((card) => String(card.productId));
    expect(list.length).toBeGreaterThanOrEqual(2);
    const which = await c.say(PHRASES[lang].it);
    expect(textOf(which)).toBe(productTexts[lang].whichOne);
    expect(buttonsOf(which).map((b) => b.value)).toEqual(list.map((id) => postbacks.product(WARRANTY, id)));
    const tapped = await c.tap(postbacks.product(WARRANTY, list[1]));
    expect(intentOf(tapped)).toBe(WARRANTY);
    expect(cardsOf(tapped, 'product').map((card) => card.productId)).toEqual([list[1]]);
  });
});
