/**
 * A shop folder's own intent survives a live reload: the real server runs a shop whose `domain.json`
 * adds an intent (utterances in the shop's intents, answer in its dialogs), the real `kefu import`
 * changes a price beside it, and once the bot is rebuilt with the new price (`catalogue/live-catalogue`,
 * trained from the same `recognizerInput` as the server start) the shop's intent is still recognised
 * and answered, in zh and en.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCli, runKefu } from '../cli/built-cli';
import { cardsOf, intentOf, textOf, type Turn } from '../helpers/chat-client';
import { shop } from '../helpers/shop-fixture';
import { MODEL_CACHE } from '../helpers/test-server';
import { useChatServer } from '../helpers/use-chat-server';
import { localize, type Locale, type Product } from '../../src/core/shop';

// The first start with the shop's intent trains a model (the cache keeps it for later runs).
jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const ENGRAVE = {
  zh: {
    utterances: ['可以刻字吗', '能在上面刻字吗', '有刻字服务吗', '能帮我刻个名字吗', '支持激光刻字吗', '刻字要加钱吗', '可以定制刻字吗', '我想刻字', '刻字怎么弄', '能不能刻上我的名字'],
    ask: '这个能不能刻字',
    answer: '可以免费激光刻字，下单时在备注里写上要刻的内容。',
  },
  en: {
    utterances: ['can you engrave it', 'do you offer engraving', 'engraving please', 'can i get my name engraved on it', 'is engraving available', 'engrave a message on it', 'add engraving to my order', 'do you do laser engraving', 'how much is engraving', 'i want it engraved'],
    ask: 'could you engrave my initials on it',
    answer: 'We laser-engrave for free: write the text in your order note.',
  },
};
const ASK_PRICE = {
  zh: (title: string) => `${title}多少钱`,
  en: (title: string) => `how much is the ${title}`,
};

/** The demo shop's knowledge plus an `engrave.service` intent of the shop's own. */
function shopFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-reload-shop-'));
  const write = (file: string, json: unknown) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(json, null, 2));
  };
  write('domain.json', { intents: { 'engrave.service': { answer: { kind: 'response', text: 'engrave.service' } } } });
  write('dialogs/engrave.json', { zh: { service: ENGRAVE.zh.answer }, en: { service: ENGRAVE.en.answer } });
  for (const locale of ['zh', 'en'] as const) {
    write(`intents/engrave.${locale}.json`, { locale, domain: 'engrave', data: [{ intent: 'engrave.service', utterances: ENGRAVE[locale].utterances }] });
  }
  fs.cpSync(path.join(ROOT, 'shops/demo/knowledge'), path.join(dir, 'knowledge'), { recursive: true });
  return dir;
}

const priceShown = (turn: Turn, id: string): unknown => cardsOf(turn, 'product').find((c) => c.productId === id)?.price;

describe('a shop folder intent across a live reload', () => {
  const shopDir = shopFolder();
  const chat = useChatServer({ shopDir });
  const product: Product = shop.products.find((p) => p.brand && (p.stock ?? 1) > 0)!;
  const newPrice = product.price - 300;

  beforeAll(() => buildCli('cli/main.js'), 300_000);
  afterAll(() => fs.rmSync(shopDir, { recursive: true, force: true }));

  async function expectEngraveAnswered(lang: Locale): Promise<void> {
    const c = await chat.connect({ locale: lang });
    const turn = await c.say(ENGRAVE[lang].ask);
    expect([lang, intentOf(turn), textOf(turn)]).toEqual([lang, 'engrave.service', ENGRAVE[lang].answer]);
  }

  it('should still recognise and answer the shop intent in zh and en after kefu import reloads the bot', async () => {
    for (const lang of ['zh', 'en'] as const) await expectEngraveAnswered(lang);

    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-reload-import-'));
    fs.writeFileSync(path.join(folder, 'products.json'), JSON.stringify([{ ...product, price: newPrice }]));
    const imported = runKefu(['import', folder], { ...process.env, KEFU_DATA_DIR: chat.server.dataDir, KEFU_MODEL_DIR: MODEL_CACHE, KEFU_SHOP_DIR: shopDir, KEFU_QUIET: 'true', DEBUG: '' });
    fs.rmSync(folder, { recursive: true, force: true });
    expect(imported).toMatchObject({ code: 0 });

    // The server polls every 2 s and rebuilds the bot in the background: wait for the new price.
    const shopper = await chat.connect({ locale: 'zh' });
    // The poll asks often: it backs off when refused for sending too fast.
    const ask = (lang: Locale) => shopper.sayPatiently(ASK_PRICE[lang](localize(product.title, lang)));
    const deadline = Date.now() + 400_000;
    let turn = await ask('zh');
    while (priceShown(turn, product.id) !== newPrice && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      turn = await ask('zh');
    }
    expect(priceShown(turn, product.id)).toBe(newPrice);
    expect(priceShown(await ask('en'), product.id)).toBe(newPrice);

    for (const lang of ['zh', 'en'] as const) await expectEngraveAnswered(lang);
  });
});
