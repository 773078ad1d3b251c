/**
 * Acceptance tests on a second shop: "拾页书咖 Page & Bean" (books, coffee, stationery, toys),
 * imported from `test/fixtures/other-shop` into a fresh data directory with the demo import
 * switched off. Nothing in it is shared with the demo shop in `shops/demo/knowledge/`: other categories,
 * product ids (`BOOK-01`), customer ids (`M2001`) and order ids (`BK` + 10 digits).
 * Conversations run in Chinese and English through the real server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { signCustomerToken } from '../../src/auth/customer-token';
import { localize, type Customer, type Faq, type Order, type Product, type ShopCategory } from '../../src/core/shop';
import { cardsOf, type ChatClient, intentOf, textOf, type Turn } from '../helpers/chat-client';
import { OTHER_SHOP_FIXTURE, useOtherShopServer } from '../helpers/other-shop-server';
import { TEST_SECRET } from '../helpers/test-server';

const FIXTURE = OTHER_SHOP_FIXTURE;
const DEMO = path.join(__dirname, '..', '..', 'shops', 'demo', 'knowledge');
const readJson = <T>(dir: string, name: string): T[] => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T[];

const shop = {
  products: readJson<Product>(FIXTURE, 'products.json'),
  customers: readJson<Customer>(FIXTURE, 'customers.json'),
  orders: readJson<Order>(FIXTURE, 'orders.json'),
  faq: readJson<Faq>(FIXTURE, 'faq.json'),
  categories: readJson<ShopCategory>(FIXTURE, 'categories.json'),
  events: fs.readFileSync(path.join(FIXTURE, 'events.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).length,
};
const demoProductIds = new Set(readJson<Product>(DEMO, 'products.json').map((p) => p.id));
const demoFaqIds = new Set(readJson<Faq>(DEMO, 'faq.json').map((f) => f.id));
const demoOrder = readJson<Order>(DEMO, 'orders.json')[0];

const product = (id: string): Product => shop.products.find((p) => p.id === id)!;
const order = (id: string): Order => shop.orders.find((o) => o.id === id)!;
const customerOf = (o: Order): Customer => shop.customers.find((c) => c.id === o.customerId)!;
const lastFour = (c: Customer): string => (c.phone ?? '').replace(/\D/g, '').slice(-4);
const MADE_UP_ORDER = 'BK2099123101';

/** What must never appear in a reply before the shopper proved who they are. */
function privateBits(o: Order): string[] {
  const address = o.shipping?.address ?? '';
  // The whole address, and its first stretch (street and building) on its own.
  const bits = [o.shipping?.trackingNumber, o.shipping?.carrier, address, address.slice(0, 12), customerOf(o).phone, customerOf(o).email];
  return bits.filter((b): b is string => Boolean(b));
}

function expectNothingPrivate(turn: Turn, o: Order): void {
  const everything = JSON.stringify(turn.messages);
  for (const bit of privateBits(o)) expect(everything).not.toContain(bit);
  expect(cardsOf(turn, 'order')).toHaveLength(0);
}

const PHRASES = {
  zh: {
    recommend: {
      books: { text: '推荐几本100元以内的书', budget: 100 },
      coffee: { text: '有没有150元以内的咖啡推荐', budget: 150 },
      toys: { text: '想给孩子买个200块以内的玩具，推荐一下', budget: 200 },
      stationery: { text: '推荐一些100元以内的文具', budget: 100 },
    },
    info: (title: string) => `${title}怎么样，介绍一下`,
    stock: (title: string) => `${title}还有货吗`,
    faq: {
      'shipping.info': '买一本书要运费吗，满多少包邮',
      'payment.info': '能用微信付款吗',
      'invoice.request': '买书可以开发票吗',
      'promo.info': '这个月买书有什么优惠',
      'account.help': '我忘了登录密码',
      'return.request': '书拆了塑封还能退货吗',
      'refund.status': '退款几天能到账',
    },
    status: (id: string) => `帮我查下订单${id}到哪了`,
    cancel: (id: string) => `我要取消订单 ${id}`,
    yes: '确定',
    demoThings: ['推荐一款3000元以内的手机', '小米14 Pro 5G手机怎么样，介绍一下'],
    // The catalogue writes the brand "HUAWEI" only; 华为 comes from the built-in lexicon.
    huaweiEarbuds: ['有华为的耳机吗', '有没有华为的耳机'],
    audioName: '耳机音响',
    overBudget: { text: '推荐200元以内的华为耳机', label: '预算内' },
    changeAddress: (id: string) => `订单${id}的收货地址写错了，要改一下`,
    newAddress: { said: '改成浙江省杭州市西湖区文三路90号，谢谢', stored: '浙江省杭州市西湖区文三路90号', fields: ['省份：浙江省', '城市：杭州市', '区县：西湖区', '详细地址：文三路90号'], filler: '改成' },
  },
  en: {
    recommend: {
      books: { text: 'recommend some books under 100 yuan', budget: 100 },
      coffee: { text: 'can you recommend some coffee under 150', budget: 150 },
      toys: { text: 'suggest a toy for my kid under 200 yuan', budget: 200 },
      stationery: { text: 'recommend some stationery under 100', budget: 100 },
    },
    info: (title: string) => `tell me about the ${title}`,
    stock: (title: string) => `is the ${title} in stock`,
    faq: {
      'shipping.info': 'do i pay postage if i buy one book',
      'payment.info': 'can i pay with wechat',
      'invoice.request': 'can i get an invoice for my books',
      'promo.info': 'any book discounts this month',
      'account.help': 'i forgot my login password',
      'return.request': 'can i return a book after opening it',
      'refund.status': 'how many days until my refund arrives',
    },
    status: (id: string) => `where is my order ${id}`,
    cancel: (id: string) => `please cancel order ${id}`,
    yes: 'yes',
    demoThings: ['recommend a phone under 3000', 'tell me about the Xiaomi 14 Pro 5G Smartphone 12GB+256GB Black'],
    huaweiEarbuds: ['any 华为 earbuds', 'huawei earbuds'],
    audioName: 'Audio',
    overBudget: { text: 'recommend huawei earbuds under 200 yuan', label: 'within budget' },
    changeAddress: (id: string) => `i need to change the delivery address for order ${id}`,
    newAddress: {
      said: 'change it to 1600 Amphitheatre Pkwy, Mountain View, CA 94043, thanks',
      stored: '1600 Amphitheatre Pkwy, Mountain View, CA 94043',
      fields: ['street: 1600 Amphitheatre Pkwy', 'city: Mountain View', 'state/province: CA', 'postcode: 94043'],
      filler: 'change it to',
    },
  },
};

/** The FAQ tag each FAQ intent's answer must carry. */
const FAQ_TOPIC: Record<string, string> = {
  'shipping.info': 'shipping',
  'payment.info': 'payment',
  'invoice.request': 'invoice',
  'promo.info': 'promo',
  'account.help': 'account',
  'return.request': 'return',
  'refund.status': 'refund',
};

/** Per language: the orders each test uses (cancelling changes data, so each language has its own). */
const ORDERS = {
  zh: { shipped: 'BK2026110304', delivered: 'BK2026100801', paid: 'BK2026110502', other: 'M2003', pending: 'BK2026110511' },
  en: { shipped: 'BK2026110306', delivered: 'BK2026102610', paid: 'BK2026110508', other: 'M2004', pending: 'BK2026110514' },
};

describe('other shop fixture', () => {
  it('should be a different shop from the demo shop', () => {
    expect(shop.products.length).toBeGreaterThanOrEqual(20);
    expect(shop.products.some((p) => demoProductIds.has(p.id))).toBe(false);
    expect(shop.faq.some((f) => demoFaqIds.has(f.id))).toBe(false);
    for (const o of shop.orders) expect(o.id).toMatch(/^BK\d{10}$/);
    expect(new Set(shop.orders.map((o) => o.status)).size).toBe(7);
  });
});

describe.each(['zh', 'en'] as const)('another shop imported with kefu import (%s)', (lang) => {
  const say = PHRASES[lang];
  const use = ORDERS[lang];
  /** Every product and FAQ card any shopper saw in this suite. */
  const seen = { products: [] as string[], faqs: [] as string[] };
  const otherShop = useOtherShopServer({
    beforeClose: (c) => {
      for (const a of c.received) {
        for (const att of a.attachments ?? []) {
          const content = att.content as Record<string, unknown>;
          if (att.contentType.endsWith('product+json')) seen.products.push(String(content.productId));
          if (att.contentType.endsWith('faq+json')) seen.faqs.push(String(content.faqId));
        }
      }
    },
  });
  const connect = (auth: Record<string, unknown> = {}): Promise<ChatClient> => otherShop.connect(auth);

  it('should have imported the whole shop with kefu import', () => {
    expect(otherShop.imported).toEqual({
      products: shop.products.length,
      customers: shop.customers.length,
      orders: shop.orders.length,
      events: shop.events,
      faq: shop.faq.length,
      categories: shop.categories.length,
    });
  });

  it('should not know the demo shop: no demo product, FAQ or order', async () => {
    const c = await connect();
    for (const text of say.demoThings) {
      const turn = await c.say(text);
      for (const card of cardsOf(turn, 'product')) {
        expect(demoProductIds.has(String(card.productId))).toBe(false);
        expect(product(String(card.productId))).toBeDefined();
      }
    }
    const signedIn = await connect({ customerToken: signCustomerToken('M2001', TEST_SECRET) });
    const demo = await signedIn.say(say.status(demoOrder.id));
    expect(cardsOf(demo, 'order')).toHaveLength(0);
    expect(textOf(demo)).not.toContain(demoOrder.shipping?.trackingNumber ?? '@@');
  });

  it.each(Object.keys(PHRASES.en.recommend))('should recommend 3–5 %s within the budget', async (category) => {
    const ask = say.recommend[category as keyof typeof say.recommend];
    const c = await connect();
    const turn = await c.say(ask.text);
    expect(intentOf(turn)).toBe('product.recommend');
    expect(turn.messages[0].locale).toBe(lang);
    const cards = cardsOf(turn, 'product');
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.length).toBeLessThanOrEqual(5);
    for (const card of cards) {
      expect(card).toMatchObject({ category, inStock: true });
      expect(card.price as number).toBeLessThanOrEqual(ask.budget);
      expect(product(String(card.productId))).toMatchObject({ category });
      expect(typeof card.reason).toBe('string');
      // The shop's own category name, in the shopper's language (not the slug).
      expect(card.categoryName).toBe(shop.categories.find((c) => c.id === category)!.names[lang]);
    }
  });

  it.each(PHRASES[lang].huaweiEarbuds)('should find the HUAWEI earbuds for "%s" and name their category in the shopper language', async (text) => {
    const c = await connect();
    const turn = await c.say(text);
    const cards = cardsOf(turn, 'product');
    expect(cards.map((card) => card.productId)).toContain('AUD-01');
    expect(cards.find((card) => card.productId === 'AUD-01')).toMatchObject({ brand: 'HUAWEI', category: 'audio', categoryName: say.audioName });
    for (const card of cards) expect(product(String(card.productId))).toMatchObject({ brand: 'HUAWEI' });
    // One pick is said in the singular.
    expect(textOf(turn)).not.toMatch(/\b1 picks?\b|Here are 1\b/);
    if (cards.length === 1 && lang === 'en') expect(textOf(turn)).not.toContain('picks');
  });

  it('should not call an item within budget when nothing fits the budget and the list is relaxed', async () => {
    const c = await connect();
    const turn = await c.say(say.overBudget.text);
    const cards = cardsOf(turn, 'product');
    // Only HUAWEI earbuds at ¥449 exist: the relaxed list shows them over the ¥200 budget.
    expect(cards.map((card) => card.productId)).toContain('AUD-01');
    for (const card of cards) {
      if ((card.price as number) > 200) expect(String(card.reason)).not.toContain(say.overBudget.label);
    }
  });

  it('should store only the new address and read it back field by field before changing it', async () => {
    const o = order(use.pending);
    expect(o.status).toBe('pending');
    const c = await connect({ customerToken: signCustomerToken(o.customerId, TEST_SECRET) });
    const ask = await c.say(say.changeAddress(o.id));
    expect(intentOf(ask)).toBe('order.change_address');
    const confirm = await c.say(say.newAddress.said);
    expect(textOf(confirm)).toContain(say.newAddress.stored);
    for (const field of say.newAddress.fields) expect(textOf(confirm)).toContain(field);
    expect(textOf(confirm)).not.toContain(say.newAddress.filler);
    const done = await c.say(say.yes);
    expect(textOf(done)).toContain(say.newAddress.stored);
    expect((await otherShop.server.stores.orders.getOrder(o.id))?.shipping?.address).toBe(say.newAddress.stored);
  });

  it.each(['BOOK-02', 'COF-05', 'TOY-04'])('should find %s by its title', async (id) => {
    const wanted = product(id);
    const c = await connect();
    const turn = await c.say(say.info(localize(wanted.title, lang)));
    expect(intentOf(turn)).toBe('product.info');
    expect(cardsOf(turn, 'product')[0]).toMatchObject({ productId: id, price: wanted.price });
  });

  it('should say an out-of-stock book is sold out and offer books that are in stock', async () => {
    const soldOut = product('BOOK-04');
    const c = await connect();
    const turn = await c.say(say.stock(localize(soldOut.title, lang)));
    const cards = cardsOf(turn, 'product');
    expect(cards[0]).toMatchObject({ productId: soldOut.id, inStock: false });
    for (const alt of cards.slice(1)) expect(alt).toMatchObject({ category: 'books', inStock: true });
  });

  it.each(Object.keys(PHRASES.en.faq))("should answer %s with this shop's FAQ card", async (intent) => {
    const c = await connect();
    const turn = await c.say(say.faq[intent as keyof typeof say.faq]);
    expect(intentOf(turn)).toBe(intent);
    const [card] = cardsOf(turn, 'faq');
    expect(card).toBeDefined();
    const faq = shop.faq.find((f) => f.id === card.faqId);
    expect(faq).toBeDefined();
    expect(card.answer).toBe(localize(faq!.answer, lang));
    expect(faq!.tags).toContain(FAQ_TOPIC[intent]);
  });

  it('should ask an anonymous shopper to verify a BK order, show nothing after a wrong answer, then the card', async () => {
    const o = order(use.shipped);
    const c = await connect();
    const ask = await c.say(say.status(o.id));
    expect(intentOf(ask)).toBe('order.status');
    expect(textOf(ask)).toContain(o.id);
    expectNothingPrivate(ask, o);
    const wrong = await c.say(lastFour(customerOf(o)) === '0000' ? '1111' : '0000');
    expectNothingPrivate(wrong, o);
    const shown = await c.say(lastFour(customerOf(o)));
    const [card] = cardsOf(shown, 'order');
    expect(card).toMatchObject({ orderId: o.id, status: 'shipped', trackingNumber: o.shipping!.trackingNumber });
    expect((card.items as unknown[]).length).toBe(o.items.length);
  });

  it('should answer a made-up BK order with the same words as a real one after a wrong answer', async () => {
    const o = order(use.delivered);
    const wrongAnswer = lastFour(customerOf(o)) === '0000' ? '1111' : '0000';
    const real = await connect();
    await real.say(say.status(o.id));
    const realWrong = await real.say(wrongAnswer);
    const fake = await connect();
    const fakeAsk = await fake.say(say.status(MADE_UP_ORDER));
    expect(cardsOf(fakeAsk, 'order')).toHaveLength(0);
    const fakeWrong = await fake.say(wrongAnswer);
    expect(textOf(fakeWrong)).toBe(textOf(realWrong));
  });

  it("should keep to the conversation's language when the answer is only digits or an e-mail", async () => {
    // No locale in the handshake (as in the other e2e tests): the language comes from the text.
    const o = order(use.delivered);
    const c = await connect();
    const ask = await c.say(say.status(o.id));
    expect(ask.messages.map((m) => m.locale)).toEqual(ask.messages.map(() => lang));
    const wrong = await c.say(lastFour(customerOf(o)) === '0000' ? '1111' : '0000');
    const shown = await c.say(customerOf(o).email!);
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: o.id });
    expect([...wrong.messages, ...shown.messages].map((m) => m.locale)).toEqual([...wrong.messages, ...shown.messages].map(() => lang));
  });

  it('should verify with the e-mail address too', async () => {
    const o = order(use.delivered);
    const c = await connect();
    await c.say(say.status(o.id));
    const shown = await c.say(customerOf(o).email!);
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: o.id, status: 'delivered' });
  });

  it("should show a signed-in shopper their own order, and another customer's as not found", async () => {
    const o = order(use.shipped);
    const own = await connect({ customerToken: signCustomerToken(o.customerId, TEST_SECRET) });
    const mine = await own.say(say.status(o.id));
    expect(cardsOf(mine, 'order')[0]).toMatchObject({ orderId: o.id, status: o.status, trackingNumber: o.shipping!.trackingNumber });

    const other = await connect({ customerToken: signCustomerToken(use.other, TEST_SECRET) });
    const theirs = await other.say(say.status(o.id));
    expectNothingPrivate(theirs, o);
    const other2 = await connect({ customerToken: signCustomerToken(use.other, TEST_SECRET) });
    const missing = await other2.say(say.status(MADE_UP_ORDER));
    expect(textOf(missing).replace(MADE_UP_ORDER, o.id)).toBe(textOf(theirs));
  });

  it('should cancel a paid BK order after confirmation', async () => {
    const o = order(use.paid);
    expect(o.status).toBe('paid');
    const c = await connect({ customerToken: signCustomerToken(o.customerId, TEST_SECRET) });
    const confirm = await c.say(say.cancel(o.id));
    expect(intentOf(confirm)).toBe('order.cancel');
    expect(confirm.messages.flatMap((m) => m.suggestedActions?.actions ?? []).map((a) => a.value)).toContain('answer:yes');
    const done = await c.say(say.yes);
    expect(cardsOf(done, 'order')[0]).toMatchObject({ orderId: o.id, status: 'cancelled' });
    expect((await otherShop.server.stores.orders.getOrder(o.id))?.status).toBe('cancelled');
  });

  it('should have shown only this shop in every card of the suite', () => {
    expect(seen.products.length).toBeGreaterThan(0);
    expect(seen.faqs.length).toBeGreaterThan(0);
    expect(seen.products.filter((id) => demoProductIds.has(id))).toEqual([]);
    expect(seen.products.filter((id) => !shop.products.some((p) => p.id === id))).toEqual([]);
    expect(seen.faqs.filter((id) => demoFaqIds.has(id))).toEqual([]);
  });
});
