/**
 * Conversation memory on a shop the bot never saw (issue 12): "拾页书咖 Page & Bean" from
 * `test/fixtures/other-shop`, imported into a fresh data directory, in Chinese and English through
 * the real server. Follow-ups keep or replace the constraints before them, 第二本 / "the second
 * one" is the second card, a sold-out product asked about is said to be sold out, and "my latest
 * order" after an order answer is an order question, "cancel it" the order last shown.
 */
import { signCustomerToken } from '../../src/auth/customer-token';
import { localize, type Order, type Product } from '../../src/core/shop';
import { cardsOf, intentOf, textOf } from '../helpers/chat-client';
import { readOtherShop, useOtherShopServer } from '../helpers/other-shop-server';
import { TEST_SECRET } from '../helpers/test-server';
import { expectCardsWithin, expectLatestThenCancelIt, expectSecondCardThenIt, medianPrice } from './follow-ups-expect';

const products = readOtherShop<Product>('products.json');
const orders = readOtherShop<Order>('orders.json');
const product = (id: unknown) => products.find((p) => p.id === id)!;
const soldOutCoffee = products.find((p) => p.category === 'coffee' && p.stock === 0)!;

const PHRASES = {
  zh: {
    books: '推荐几本100元以内的书',
    publisher: '中信出版社的呢',
    toys: '那玩具呢',
    onlyLego: '只要乐高的',
    coffee: '推荐一些咖啡',
    cheaper: '便宜点的',
    second: '第二本怎么样',
    itStock: '它有货吗',
    moka: '那比乐蒂的摩卡壶呢',
    soldOut: /缺货/,
    status: (id: string) => `帮我查下订单${id}到哪了`,
    latest: '那我最近的订单呢',
    cancelIt: '取消它',
    customer: 'M2001',
  },
  en: {
    books: 'recommend some books under 100 yuan',
    publisher: 'only 中信出版社',
    toys: 'and for toys?',
    onlyLego: 'only LEGO',
    coffee: 'recommend some coffee',
    cheaper: 'cheaper',
    second: 'the second one, is it any good?',
    itStock: 'is it in stock?',
    moka: 'and the bialetti moka pot?',
    soldOut: /out of stock|sold out/,
    status: (id: string) => `where is my order ${id}`,
    latest: 'what about my latest order then?',
    cancelIt: 'cancel it',
    customer: 'M2002',
  },
};

describe.each(['zh', 'en'] as const)('follow-ups on another shop (%s)', (lang) => {
  const say = PHRASES[lang];
  const { connect } = useOtherShopServer();

  it('should keep the books and the budget for a publisher, then the budget and brand for toys', async () => {
    const c = await connect();
    expectCardsWithin(await c.say(say.books), products, { category: 'books', max: 100 });
    const publisher = await c.say(say.publisher);
    expect(intentOf(publisher)).toBe('product.recommend');
    expectCardsWithin(publisher, products, { category: 'books', brand: '中信出版社', max: 100 });
    const fresh = await connect();
    await fresh.say(say.books);
    const toys = await fresh.say(say.toys);
    expect(intentOf(toys)).toBe('product.recommend');
    expectCardsWithin(toys, products, { category: 'toys', max: 100 });
    const lego = await fresh.say(say.onlyLego);
    expect(intentOf(lego)).toBe('product.recommend');
    // LEGO under 100 is one set; the budget stays.
    expectCardsWithin(lego, products, { category: 'toys', brand: 'LEGO', max: 100 });
  });

  it('should go below the price level shown for "cheaper", in the same category', async () => {
    const c = await connect();
    const list = await c.say(say.coffee);
    expectCardsWithin(list, products, { category: 'coffee' });
    const level = medianPrice(list);
    const cheaper = await c.say(say.cheaper);
    for (const card of cardsOf(cheaper, 'product')) {
      expect(product(card.productId).category).toBe('coffee');
      expect(card.price as number).toBeLessThan(level);
    }
  });

  it('should answer about the second card shown, and "it" is that one next', async () => {
    await expectSecondCardThenIt(await connect(), { list: say.books, second: say.second, itStock: say.itStock }, products, lang);
  });

  it('should say that the moka pot asked about after a coffee list is sold out', async () => {
    expect(soldOutCoffee).toBeDefined();
    const c = await connect();
    await c.say(say.coffee);
    const turn = await c.say(say.moka);
    expect(textOf(turn)).toMatch(say.soldOut);
    expect(textOf(turn)).toContain(localize(soldOutCoffee.title, lang));
  });

  it('should read "my latest order" in the order context and cancel the order last shown', async () => {
    const mine = orders.filter((o) => o.customerId === say.customer);
    expect(mine.map((o) => o.status)).toContain('paid');
    const c = await connect({ customerToken: signCustomerToken(say.customer, TEST_SECRET) });
    await expectLatestThenCancelIt(c, { status: say.status, latest: say.latest, cancelIt: say.cancelIt }, mine);
  });
});
