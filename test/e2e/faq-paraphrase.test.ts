/**
 * Paraphrased FAQ questions end to end, through the real server, on the demo shop and on a second
 * shop imported from `test/fixtures/other-shop`, in Chinese and English: the question shares few
 * words with any stored phrasing, and the shopper gets the right FAQ card, with the answer shown
 * once (the card carries it; the message text is a short lead-in), also as a plain-text channel
 * would print it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type KefuServer } from '../../src/app';
import { activitiesAsPlainText } from '../../src/channels/plain-text';
import { loadConfig } from '../../src/config';
import { localize, type Faq, type Locale } from '../../src/core/shop';
import { Responses } from '../../src/domain/responses';
import { importShopFolder } from '../../src/import/import-shop';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { cardsOf, ChatClient, textOf, type Turn } from '../helpers/chat-client';
import { shop as demoShop } from '../helpers/shop-fixture';
import { MODEL_CACHE, TEST_SECRET } from '../helpers/test-server';
import { useChatServer } from '../helpers/use-chat-server';

const OTHER = path.join(__dirname, '..', 'fixtures', 'other-shop');
const otherFaq = JSON.parse(fs.readFileSync(path.join(OTHER, 'faq.json'), 'utf8')) as Faq[];

/** [paraphrase, FAQ id]: none is a stored phrasing, and each shares few words with them. */
const DEMO: Record<Locale, [string, string][]> = {
  zh: [
    ['你们发啥快递', 'faq-shipping-carriers'],
    ['发票咋开', 'faq-invoice-electronic'],
    ['这几天有啥活动', 'faq-promo-current'],
    ['换手机号码了怎么改', 'faq-account-change-contact'],
    ['退货要寄到哪里', 'faq-return-how-to'],
  ],
  en: [
    ['which shipping company do you use', 'faq-shipping-carriers'],
    ['I got a new mobile number', 'faq-account-change-contact'],
    ['how do vouchers work', 'faq-promo-coupon-use'],
    ['do you accept Visa or Mastercard', 'faq-payment-methods'],
    ['do I pay the shipping for returns', 'faq-return-policy'],
  ],
};

const OTHER_SHOP: Record<Locale, [string, string][]> = {
  zh: [
    ['快递费咋算', 'pb-shipping-fee'],
    ['可以到付吗', 'pb-payment'],
    ['现在有啥折扣', 'pb-promo'],
    ['钱多久能退回来', 'pb-refund'],
  ],
  en: [
    ['how much is postage', 'pb-shipping-fee'],
    ['do members get money off', 'pb-promo'],
    ['can you give me a fapiao', 'pb-invoice'],
    ['when do I get my money back', 'pb-refund'],
  ],
};

/** How often `needle` occurs in `haystack`. */
function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** The turn answered with exactly one card of `faqId`, and its answer appears once everywhere. */
function expectAnsweredOnce(turn: Turn, faqs: readonly Faq[], faqId: string, lang: Locale): void {
  const cards = cardsOf(turn, 'faq');
  expect(cards.map((c) => c.faqId)).toEqual([faqId]);
  const answer = localize(faqs.find((f) => f.id === faqId)!.answer, lang);
  expect(cards[0].answer).toBe(answer);
  // The widget shows the text and the card: the answer once, on the card.
  expect(occurrences(textOf(turn), answer)).toBe(0);
  expect(textOf(turn).trim()).not.toBe('');
  // A text-only channel prints the text and the card as lines: the answer once.
  expect(occurrences(activitiesAsPlainText(turn.messages, { responses: Responses.load(path.join(__dirname, '../../dialogs')) }), answer)).toBe(1);
}

describe.each(['zh', 'en'] as const)('paraphrased FAQ questions on the demo shop (%s)', (lang) => {
  const chat = useChatServer();

  it.each(DEMO[lang])('should answer %s with the FAQ card %s, once', async (question, faqId) => {
    const c = await chat.connect();
    expectAnsweredOnce(await c.say(question), demoShop.faq, faqId, lang);
  });

  it('should not answer from the FAQ what no FAQ is about', async () => {
    const c = await chat.connect();
    const turn = await c.say(lang === 'zh' ? '给我讲个笑话' : 'tell me a joke');
    expect(cardsOf(turn, 'faq')).toEqual([]);
  });
});

describe.each(['zh', 'en'] as const)('paraphrased FAQ questions on a second shop (%s)', (lang) => {
  let dataDir: string;
  let server: KefuServer;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-faq-paraphrase-'));
    const stores = openEmbeddedStores(dataDir);
    await importShopFolder(OTHER, stores.shop);
    await stores.close();
    server = await startServer(
      loadConfig({ port: 0, host: '127.0.0.1', dataDir, modelDir: MODEL_CACHE, shopSecret: TEST_SECRET, importDemoWhenEmpty: false }),
    );
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(OTHER_SHOP[lang])("should answer %s with this shop's FAQ card %s, once", async (question, faqId) => {
    const c = await ChatClient.connect(server.url, {});
    clients.push(c);
    expectAnsweredOnce(await c.say(question), otherFaq, faqId, lang);
  });
});
