/**
 * Order flows end to end, in Chinese and English, with the protocol's order-privacy rules.
 */
import { signCustomerToken } from '../../src/auth/customer-token';
import { cardsOf, intentOf, textOf } from '../helpers/chat-client';
import { customerOf, lastFour, orderWith, shop, wrongFour } from '../helpers/shop-fixture';
import { TEST_SECRET } from '../helpers/test-server';
import { useChatServer } from '../helpers/use-chat-server';

const PHRASES = {
  zh: {
    status: (id: string) => `帮我查下订单${id}到哪了`,
    statusNoId: '我的订单到哪了',
    cancel: (id: string) => `我要取消订单 ${id}`,
    changeAddress: (id: string) => `订单${id}的收货地址填错了，想改一下`,
    newAddress: '上海市浦东新区世纪大道100号 8楼',
    yes: '确定',
    shippingQuestion: '你们运费怎么算',
  },
  en: {
    status: (id: string) => `where is my order ${id}`,
    statusNoId: 'where is my order',
    cancel: (id: string) => `please cancel order ${id}`,
    changeAddress: (id: string) => `i need to change the delivery address for order ${id}`,
    newAddress: '200 Nanjing Road West, Jing an District, Shanghai',
    yes: 'yes',
    shippingQuestion: 'how much is shipping',
  },
};

describe.each(['zh', 'en'] as const)('order flows (%s)', (lang) => {
  const say = PHRASES[lang];
  const chat = useChatServer();
  const connect = chat.connect;

  it('should ask an anonymous shopper to verify, then show the order card', async () => {
    const order = orderWith(['shipped']);
    const c = await connect();
    const ask = await c.say(say.status(order.id));
    expect(intentOf(ask)).toBe('order.status');
    expect(cardsOf(ask, 'order')).toHaveLength(0);
    expect(ask.messages[0].locale).toBe(lang);
    const shown = await c.say(lastFour(customerOf(order)));
    const [card] = cardsOf(shown, 'order');
    expect(card).toMatchObject({ orderId: order.id, status: 'shipped', trackingNumber: order.shipping!.trackingNumber });
    expect((card.items as unknown[]).length).toBe(order.items.length);
    expect(textOf(shown)).toContain(order.shipping!.trackingNumber!);
  });

  it('should accept the e-mail address as the verification answer', async () => {
    const order = shop.orders.find((o) => customerOf(o).email)!;
    const c = await connect();
    await c.say(say.status(order.id));
    const shown = await c.say(customerOf(order).email!.toUpperCase());
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id });
  });

  it('should show nothing of the order after a wrong answer, and answer a made-up order the same way', async () => {
    const order = orderWith(['shipped', 'delivered']);
    const c = await connect();
    await c.say(say.status(order.id));
    const wrong = await c.say(wrongFour(customerOf(order)));
    expect(cardsOf(wrong, 'order')).toHaveLength(0);
    const text = textOf(wrong);
    expect(text).not.toContain(order.shipping?.trackingNumber ?? '@@');
    expect(text).not.toContain(order.shipping?.carrier ?? '@@');

    const fake = await connect();
    const fakeAsk = await fake.say(say.status('DD20991231999'));
    expect(cardsOf(fakeAsk, 'order')).toHaveLength(0);
    const fakeWrong = await fake.say(wrongFour(customerOf(order)));
    // Same words whether the order exists or not (only the attempt counter is in them).
    expect(textOf(fakeWrong)).toBe(text);
  });

  it('should end after three wrong answers and offer a human', async () => {
    const order = orderWith(['delivered']);
    const c = await connect();
    await c.say(say.status(order.id));
    await c.say(wrongFour(customerOf(order)));
    await c.say(wrongFour(customerOf(order)));
    const last = await c.say(wrongFour(customerOf(order)));
    expect(cardsOf(last, 'order')).toHaveLength(0);
    const actions = last.messages.flatMap((m) => m.suggestedActions?.actions ?? []);
    expect(actions.some((a) => a.value === 'intent:agent.handoff')).toBe(true);
    // The flow is over: the right answer now is not taken as verification.
    const late = await c.say(lastFour(customerOf(order)));
    expect(cardsOf(late, 'order')).toHaveLength(0);
  });

  it('should show a signed-in shopper their own order without verification', async () => {
    const order = orderWith(['delivered', 'shipped']);
    const c = await connect({ customerToken: signCustomerToken(order.customerId, TEST_SECRET) });
    const turn = await c.say(say.status(order.id));
    expect(cardsOf(turn, 'order')[0]).toMatchObject({ orderId: order.id, status: order.status });
  });

  it("should answer a signed-in shopper asking about another customer's order as not found", async () => {
    const order = orderWith(['shipped']);
    const someoneElse = shop.customers.find((c) => c.id !== order.customerId)!;
    const c = await connect({ customerToken: signCustomerToken(someoneElse.id, TEST_SECRET) });
    const theirs = await c.say(say.status(order.id));
    expect(cardsOf(theirs, 'order')).toHaveLength(0);
    expect(textOf(theirs)).not.toContain(order.shipping!.trackingNumber!);
    const c2 = await connect({ customerToken: signCustomerToken(someoneElse.id, TEST_SECRET) });
    const missing = await c2.say(say.status('DD20991231999'));
    expect(textOf(missing).replace('DD20991231999', order.id)).toBe(textOf(theirs));
  });

  it('should let a signed-in shopper with several orders pick one', async () => {
    const counts = new Map<string, number>();
    shop.orders.forEach((o) => counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1));
    const customerId = [...counts.entries()].find(([, n]) => n >= 2)![0];
    const c = await connect({ customerToken: signCustomerToken(customerId, TEST_SECRET) });
    const pick = await c.say(say.statusNoId);
    const actions = pick.messages.flatMap((m) => m.suggestedActions?.actions ?? []).filter((a) => a.value.startsWith('order:'));
    expect(actions.length).toBeGreaterThanOrEqual(2);
    const chosen = actions[1].value.slice('order:'.length);
    expect(shop.orders.find((o) => o.id === chosen)?.customerId).toBe(customerId);
    const shown = await c.tap(actions[1].value);
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: chosen });
  });

  it('should cancel a paid order after confirmation and show its new state', async () => {
    const order = orderWith(['paid', 'pending'], lang === 'zh' ? 0 : 1);
    const c = await connect({ customerToken: signCustomerToken(order.customerId, TEST_SECRET) });
    const confirm = await c.say(say.cancel(order.id));
    expect(intentOf(confirm)).toBe('order.cancel');
    expect(confirm.messages.flatMap((m) => m.suggestedActions?.actions ?? []).map((a) => a.value)).toContain('answer:yes');
    const done = await c.say(say.yes);
    expect(cardsOf(done, 'order')[0]).toMatchObject({ orderId: order.id, status: 'cancelled' });
    const again = await c.say(say.status(order.id));
    expect(cardsOf(again, 'order')[0]).toMatchObject({ status: 'cancelled' });
  });

  it('should refuse to cancel a shipped order and offer a return', async () => {
    const order = orderWith(['shipped', 'delivered'], 1);
    const c = await connect({ customerToken: signCustomerToken(order.customerId, TEST_SECRET) });
    const turn = await c.say(say.cancel(order.id));
    expect(cardsOf(turn, 'order')[0]).toMatchObject({ status: order.status });
    const actions = turn.messages.flatMap((m) => m.suggestedActions?.actions ?? []);
    expect(actions.some((a) => a.value.startsWith('intent:return.request'))).toBe(true);
  });

  it('should change the address of an unshipped order after verification and confirmation', async () => {
    const order = orderWith(['pending', 'paid'], lang === 'zh' ? 2 : 3);
    const c = await connect();
    await c.say(say.changeAddress(order.id));
    const ask = await c.say(lastFour(customerOf(order)));
    expect(cardsOf(ask, 'order')[0]).toMatchObject({ orderId: order.id });
    const confirm = await c.say(say.newAddress);
    expect(textOf(confirm)).toContain(say.newAddress);
    const done = await c.tap('answer:yes');
    expect(cardsOf(done, 'order')[0]).toMatchObject({ orderId: order.id, status: order.status });
    expect(textOf(done)).toContain(say.newAddress);
  });

  it('should answer a question in the middle of a flow and resume it', async () => {
    const order = orderWith(['delivered'], 1);
    const c = await connect();
    await c.say(say.status(order.id));
    const aside = await c.say(say.shippingQuestion);
    expect(cardsOf(aside, 'faq').length).toBe(1);
    expect(intentOf(aside)).toBe('shipping.info');
    expect(textOf(aside)).toContain(order.id); // the reprompt of the verification question
    const shown = await c.say(lastFour(customerOf(order)));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id });
  });
});

describe.each(['zh', 'en'] as const)('return and refund for an order (%s)', (lang) => {
  const chat = useChatServer();

  it('should give the return policy and what applies to the shopper\'s delivered order', async () => {
    const order = orderWith(['delivered'], 2);
    const c = await chat.connect({ customerToken: signCustomerToken(order.customerId, TEST_SECRET) });
    const turn = await c.say(lang === 'zh' ? `订单${order.id}我想退货` : `i want to return order ${order.id}`);
    expect(intentOf(turn)).toBe('return.request');
    const faq = cardsOf(turn, 'faq')[0];
    expect(shop.faq.find((f) => f.id === faq.faqId)?.tags).toContain('return');
    expect(cardsOf(turn, 'order')[0]).toMatchObject({ orderId: order.id, status: 'delivered' });
  });

  it('should tell an anonymous shopper the refund state of a refunded order after verification', async () => {
    const order = orderWith(['refunded']);
    const c = await chat.connect();
    const ask = await c.say(lang === 'zh' ? `订单${order.id}的退款到账了吗` : `has the refund for ${order.id} come through`);
    expect(intentOf(ask)).toBe('refund.status');
    expect(cardsOf(ask, 'order')).toHaveLength(0);
    const shown = await c.say(lastFour(customerOf(order)));
    expect(cardsOf(shown, 'order')[0]).toMatchObject({ orderId: order.id, status: 'refunded' });
    expect(textOf(shown)).toContain((order.updatedAt ?? order.createdAt).slice(0, 10));
  });
});

describe('leaving a flow', () => {
  const chat = useChatServer();

  it.each([
    ['zh', '我的订单到哪了', '算了'],
    ['en', 'where is my order', 'never mind'],
  ])('should stop the order flow when the shopper says never mind (%s)', async (_lang, ask, stop) => {
    const c = await chat.connect();
    const first = await c.say(ask);
    expect(intentOf(first)).toBe('order.status');
    const stopped = await c.say(stop);
    expect(cardsOf(stopped, 'order')).toHaveLength(0);
    // The flow is over: an order number now starts a new lookup instead of answering the old one.
    const order = orderWith(['delivered']);
    const next = await c.say(lastFour(customerOf(order)));
    expect(textOf(next)).not.toContain(order.id);
    expect(intentOf(next)).not.toBe('order.status');
  });
});

describe('switching between order flows', () => {
  const chat = useChatServer();

  it.each([
    ['zh', (id: string) => `订单${id}到哪了`, '那帮我取消吧'],
    ['en', (id: string) => `where is order ${id}`, 'actually i want to cancel it'],
  ] as const)('should keep the order being looked at when the shopper asks to cancel it (%s)', async (_lang, ask, cancel) => {
    const order = orderWith(['paid', 'pending'], 4);
    const c = await chat.connect({ customerToken: signCustomerToken(order.customerId, TEST_SECRET) });
    expect(cardsOf(await c.say(ask(order.id)), 'order')[0]).toMatchObject({ orderId: order.id });
    const confirm = await c.say(cancel);
    expect(intentOf(confirm)).toBe('order.cancel');
    expect(cardsOf(confirm, 'order')[0]).toMatchObject({ orderId: order.id });
  });
});
