/**
 * Recommendations, product questions, FAQ, handoff and smalltalk end to end, in Chinese and English.
 */
import { cardsOf, intentOf, textOf } from '../helpers/chat-client';
import { shop } from '../helpers/shop-fixture';
import { useChatServer } from '../helpers/use-chat-server';
import { localize } from '../../src/core/shop';

const inStock = shop.products.filter((p) => (p.stock ?? 1) > 0);
const outOfStock = shop.products.find((p) => p.stock === 0)!;
const named = inStock.find((p) => p.brand && p.attributes?.model)!;

const PHRASES = {
  zh: {
    recommend: '推荐一款3000元以内的手机',
    recommendAny: '想买个耳机，推荐一下',
    recommendWith: { text: '推荐个降噪耳机', word: '降噪' },
    cheaper: '有没有便宜点的',
    more: '换一批',
    info: (title: string) => `${title}怎么样，介绍一下`,
    stock: (title: string) => `${title}还有货吗`,
    faq: { 'shipping.info': '包邮吗？运费多少', 'payment.info': '可以用花呗分期付款吗', 'invoice.request': '怎么开发票', 'promo.info': '最近有什么优惠活动', 'account.help': '忘记密码了怎么办', 'return.request': '退货政策是什么', 'refund.status': '退款多久到账' },
    handoff: '转人工',
    complaint: '你们的服务太差了，东西收到就是坏的，气死我了',
    greeting: '你好',
    oos: '今天天气怎么样',
  },
  en: {
    recommend: 'recommend a phone under 3000',
    recommendAny: 'can you recommend some headphones',
    recommendWith: { text: 'recommend a gaming laptop', word: 'gaming' },
    cheaper: 'anything cheaper?',
    more: 'show me more',
    info: (title: string) => `tell me about the ${title}`,
    stock: (title: string) => `is the ${title} in stock`,
    faq: { 'shipping.info': 'how much is shipping and is it free', 'payment.info': 'what payment methods do you accept', 'invoice.request': 'how do i get an invoice', 'promo.info': 'any discounts or coupons right now', 'account.help': 'i forgot my password', 'return.request': 'what is your return policy', 'refund.status': 'how long does a refund take' },
    handoff: 'i want to talk to a real person',
    complaint: 'your service is terrible, the item arrived broken and nobody helps',
    greeting: 'hello',
    oos: 'what is the weather like today',
  },
};

describe.each(['zh', 'en'] as const)('shop flows (%s)', (lang) => {
  const say = PHRASES[lang];
  const chat = useChatServer();
  const connect = chat.connect;

  it('should recommend 3–5 products within the constraints, each with a reason, and refine them', async () => {
    const c = await connect();
    const first = await c.say(say.recommend);
    expect(intentOf(first)).toBe('product.recommend');
    const cards = cardsOf(first, 'product');
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.length).toBeLessThanOrEqual(5);
    for (const card of cards) {
      expect(card.category).toBe('phones');
      expect(card.price as number).toBeLessThanOrEqual(3000);
      expect(card.inStock).toBe(true);
      expect(typeof card.reason).toBe('string');
    }
    // Refinements of an open-ended list: cheaper ones are below the price level (median) shown before.
    const open = await connect();
    const shown = cardsOf(await open.say(say.recommendAny), 'product');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    const prices = shown.map((x) => x.price as number).sort((a, b) => a - b);
    const level = prices.length % 2 ? prices[(prices.length - 1) / 2] : (prices[prices.length / 2 - 1] + prices[prices.length / 2]) / 2;
    const cheaperCards = cardsOf(await open.say(say.cheaper), 'product');
    expect(cheaperCards.length).toBeGreaterThan(0);
    for (const card of cheaperCards) {
      expect(card.category).toBe(shown[0].category);
      expect(card.price as number).toBeLessThan(level);
      expect(shown.map((x) => x.productId)).not.toContain(card.productId);
    }
    const again = await connect();
    const list = cardsOf(await again.say(say.recommend), 'product').map((x) => x.productId);
    const more = cardsOf(await again.say(say.more), 'product').map((x) => x.productId);
    for (const id of more) expect(list).not.toContain(id);
  });

  it('should put products with what was asked for ("降噪", "gaming") first', async () => {
    const c = await connect();
    const cards = cardsOf(await c.say(say.recommendWith.text), 'product');
    const has = (id: unknown) => {
      const p = shop.products.find((x) => x.id === id)!;
      return [localize(p.title, 'zh'), localize(p.title, 'en'), ...(p.tags ?? [])].join(' ').toLowerCase().includes(say.recommendWith.word);
    };
    expect(cards.length).toBeGreaterThanOrEqual(3);
    expect(cards.slice(0, 2).every((card) => has(card.productId))).toBe(true);
  });

  it('should answer about a named product from the catalogue', async () => {
    const c = await connect();
    const title = localize(named.title, lang);
    const turn = await c.say(say.info(title));
    expect(intentOf(turn)).toBe('product.info');
    expect(cardsOf(turn, 'product')[0]).toMatchObject({ productId: named.id, price: named.price });
  });

  it('should say whether a product is in stock, with alternatives when it is not', async () => {
    const c = await connect();
    const yes = await c.say(say.stock(localize(named.title, lang)));
    expect(intentOf(yes)).toBe('product.stock');
    expect(cardsOf(yes, 'product')[0]).toMatchObject({ productId: named.id, inStock: true });
    const no = await c.say(say.stock(localize(outOfStock.title, lang)));
    const cards = cardsOf(no, 'product');
    expect(cards[0]).toMatchObject({ productId: outOfStock.id, inStock: false });
    for (const alt of cards.slice(1)) expect(alt).toMatchObject({ category: outOfStock.category, inStock: true });
  });

  it.each(Object.keys(PHRASES.en.faq))('should answer %s from the FAQ with an FAQ card', async (intent) => {
    const c = await connect();
    const turn = await c.say(say.faq[intent as keyof typeof say.faq]);
    expect(intentOf(turn)).toBe(intent);
    const [card] = cardsOf(turn, 'faq');
    expect(card).toBeDefined();
    const faq = shop.faq.find((f) => f.id === card.faqId)!;
    expect(card.answer).toBe(localize(faq.answer, lang));
  });

  it('should hand over to a human and then answer only with the place in the queue', async () => {
    const c = await connect();
    const turn = await c.say(say.handoff);
    expect(intentOf(turn)).toBe('agent.handoff');
    expect(turn.messages.every((m) => m.channelData?.handoff === true)).toBe(true);
    const queue = await chat.server.stores.handoffs.list();
    expect(queue.find((e) => e.conversationId === c.session.conversationId)?.reason).toContain('agent.handoff');
    // Waiting for staff: the greeting is kept for the agent and answered with the queue, not by the bot.
    const waiting = await c.say(say.greeting);
    expect(waiting.ack.ok).toBe(true);
    expect(waiting.messages).toHaveLength(1);
    expect(intentOf(waiting)).toBe('handoff.waiting');
    expect(waiting.messages[0].channelData?.queue).toMatchObject({ position: queue.findIndex((e) => e.conversationId === c.session.conversationId) + 1 });
    const waitingId = (waiting.ack as { id: string }).id;
    const history = await c.history();
    expect(history.some((a) => a.id === waitingId)).toBe(true);
    expect(history.filter((a) => a.replyToId === waitingId && a.type === 'message').map((a) => a.channelData?.intent)).toEqual([{ name: 'handoff.waiting', score: 1 }]);
  });

  it('should acknowledge a complaint with empathy before handing over', async () => {
    const c = await connect();
    const turn = await c.say(say.complaint);
    expect(intentOf(turn)).toBe('complaint');
    expect(turn.messages.length).toBeGreaterThanOrEqual(2);
    expect(turn.messages.every((m) => m.channelData?.handoff === true)).toBe(true);
    const queue = await chat.server.stores.handoffs.list();
    expect(queue.find((e) => e.conversationId === c.session.conversationId)?.reason).toMatch(/^complaint/);
  });

  it('should greet with suggested actions, and show them for what it does not handle', async () => {
    const c = await connect();
    const hi = await c.say(say.greeting);
    expect(intentOf(hi)).toBe('smalltalk.greeting');
    expect(hi.messages[0].suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);
    const oos = await c.say(say.oos);
    expect(intentOf(oos)).toBe('oos');
    expect(oos.messages[0].suggestedActions?.actions.length).toBeGreaterThanOrEqual(3);
    const tapped = await c.tap(oos.messages[0].suggestedActions!.actions.find((a) => a.value === 'intent:product.recommend')!.value);
    expect(cardsOf(tapped, 'product').length).toBeGreaterThanOrEqual(3);
    expect(textOf(tapped).length).toBeGreaterThan(0);
  });
});
