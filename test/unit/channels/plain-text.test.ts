import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentTypes } from '../../../src/core/chat-protocol';
import {
  actionForNumber,
  actionsAsText,
  activitiesAsPlainText,
  activityAsPlainText,
  cardAsText,
  menuOf,
} from '../../../src/channels/plain-text';
import type { ChatActivity, SuggestedAction } from '../../../src/core/conversation';
import type { Locale } from '../../../src/core/shop';
import { orderCard } from '../../../src/dialogs/order/order-card';
import { priceText, productCard } from '../../../src/dialogs/product-card';
import { Responses } from '../../../src/domain/responses';
import { shop } from '../../helpers/shop-fixture';

const responses = Responses.load(path.join(__dirname, '../../../dialogs'));
const options = { responses };
const products = new Map(shop.products.map((p) => [p.id, p]));
const shippedOrder = shop.orders.find((o) => o.status === 'shipped' && o.shipping?.trackingNumber && o.shipping.events?.length)!;

function message(text: string, locale: Locale, extra: Partial<ChatActivity> = {}): ChatActivity {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    timestamp: new Date().toISOString(),
    conversationId: 'wechat:oTest',
    from: { id: 'kefu-bot', role: 'bot' },
    locale,
    text,
    ...extra,
  };
}

const actions = (...titles: string[]): SuggestedAction[] => titles.map((title, i) => ({ type: 'postBack', title, value: `v${i + 1}` }));

describe('cardAsText', () => {
  it.each([
    ['zh', '订单', '已发货', '运单', '最新动态'],
    ['en', 'Order', 'shipped', 'tracking', 'latest'],
  ] as const)('should turn an order card into short lines (%s)', (locale, order, status, tracking, latest) => {
    const card = orderCard(shippedOrder, products, locale);
    const lines = cardAsText(card.contentType, card.content, locale, options);
    expect(lines[0]).toContain(`${order} ${shippedOrder.id}`);
    expect(lines[0]).toContain(status);
    expect(lines[0]).toContain(priceText({ price: card.content.total, currency: card.content.currency }, locale));
    for (const item of card.content.items) expect(lines[0]).toContain(`${item.title} ×${item.quantity}`);
    expect(lines.find((l) => l.startsWith(tracking))).toContain(shippedOrder.shipping!.trackingNumber!);
    expect(lines.find((l) => l.startsWith(latest))).toContain(card.content.lastEvent!.description);
  });

  it('should turn a product card into one line with its price and an absolute link', () => {
    const product = { ...shop.products[0], url: '/p/' + shop.products[0].id };
    const card = productCard(product, 'zh', '因为您看过');
    const [line] = cardAsText(card.contentType, card.content, 'zh', { responses, publicUrl: 'https://shop.example/' });
    expect(line).toBe(`· ${card.content.title} ${priceText(product, 'zh')}（因为您看过） https://shop.example/p/${product.id}`);
    // Without the shop's address a relative link would lead nowhere: it is left out.
    expect(cardAsText(card.contentType, card.content, 'zh', options)[0]).not.toContain('/p/');
  });

  it('should mark a sold-out product and leave out a reason that only repeats the price', () => {
    const product = { ...shop.products[1], stock: 0 };
    const price = priceText(product, 'en');
    const card = productCard(product, 'en', `within budget at ${price}`);
    const [line] = cardAsText(card.contentType, card.content, 'en', options);
    expect(line).toContain('out of stock');
    expect(line.split(price)).toHaveLength(2);
  });

  it('should say an FAQ answer once, and leave out cards it does not know', () => {
    const faq = { faqId: 'f1', question: '包邮吗', answer: '满99元包邮。' };
    expect(cardAsText(ContentTypes.faq, faq, 'zh', options, '满99元包邮。')).toEqual([]);
    expect(cardAsText(ContentTypes.faq, faq, 'zh', options, '关于运费：')).toEqual(['满99元包邮。']);
    expect(cardAsText('application/vnd.other+json', { title: 'x' }, 'zh', options)).toEqual([]);
  });
});

describe('actionsAsText and actionForNumber', () => {
  const menu: SuggestedAction[] = [
    { type: 'postBack', title: '查订单', value: 'intent:order.status' },
    { type: 'openUrl', title: '官网', value: 'https://shop.example' },
    { type: 'postBack', title: '帮我推荐', value: 'intent:product.recommend' },
  ];

  it('should number the actions a shopper can choose, without links', () => {
    expect(actionsAsText(menu, 'zh', options)).toEqual(['回复数字即可选择：', '1. 查订单', '2. 帮我推荐']);
    expect(actionsAsText(menu, 'en', options)[0]).toBe('Reply with a number:');
    expect(actionsAsText(actions('a', 'b', 'c', 'd', 'e', 'f', 'g'), 'en', { responses, maxActions: 3 })).toHaveLength(4);
  });

  it('should map a number back to the action shown with it', () => {
    expect(actionForNumber(menu, '2')?.value).toBe('intent:product.recommend');
    expect(actionForNumber(menu, ' ２ ')?.value).toBe('intent:product.recommend');
    expect(actionForNumber(menu, '1。')?.value).toBe('intent:order.status');
    for (const answer of ['3', '0', '12', '2 please', '']) expect(actionForNumber(menu, answer)).toBeUndefined();
    expect(actionForNumber(undefined, '1')).toBeUndefined();
  });
});

describe('activitiesAsPlainText', () => {
  it('should join a turn into one text with one menu, the last one shown', () => {
    const first = message('为您挑选了 1 款：', 'zh', {
      attachments: [productCard(shop.products[2], 'zh')],
      suggestedActions: { actions: actions('便宜点的', '换一批') },
    });
    const second = message('回到刚才的问题：请发一下您的订单号。', 'zh', { suggestedActions: { actions: actions('转人工') } });
    const typing: ChatActivity = { ...message('', 'zh'), type: 'typing', text: undefined };
    const text = activitiesAsPlainText([typing, first, second], options);
    expect(text.indexOf(first.text!)).toBeLessThan(text.indexOf(second.text!));
    expect(text).toContain(`· ${first.attachments![0].content.title}`);
    expect(text).toContain('1. 转人工');
    expect(text).not.toContain('便宜点的');
    expect(menuOf([first, second])?.actions[0].title).toBe('转人工');
    expect(menuOf([first, message('好的', 'zh')])?.actions[0].title).toBe('便宜点的');
    expect(menuOf([message('好的', 'zh')])).toBeUndefined();
  });

  it('should render one message in its own language', () => {
    const reply = message('Hello!', 'en', { suggestedActions: { actions: actions('Track an order') } });
    expect(activityAsPlainText(reply, options)).toBe('Hello!\n\nReply with a number:\n1. Track an order');
  });
});

describe('plain text words come from dialogs/', () => {
  const paidOrder = shop.orders.find((o) => o.status === 'paid')!;

  it.each(['zh', 'en'] as const)('should name an order status as the order flow does (%s)', (locale) => {
    const card = orderCard(paidOrder, products, locale);
    const [head] = cardAsText(card.contentType, card.content, locale, options);
    expect(head).toContain(responses.text(locale, 'order.label_paid'));
    expect(head).toContain(locale === 'zh' ? '已付款待发货' : 'paid, not yet shipped');
  });

  it.each([
    ['zh', '王芳（人工客服）：\n您好', '人工客服：\n您好'],
    ['en', 'Alice (shop staff):\nHi', 'Shop staff:\nHi'],
  ] as const)('should say who wrote an agent message (%s)', (locale, named, unnamed) => {
    const text = locale === 'zh' ? '您好' : 'Hi';
    const from = (name?: string) => ({ id: 'staff-1', role: 'agent' as const, ...(name ? { name } : {}) });
    expect(activityAsPlainText(message(text, locale, { from: from(locale === 'zh' ? '王芳' : 'Alice') }), options)).toBe(named);
    expect(activityAsPlainText(message(text, locale, { from: from() }), options)).toBe(unnamed);
  });

  it.each(['zh', 'en'] as const)("should speak a shop's own words over the built-in ones (%s)", (locale) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-plain-text-'));
    try {
      const own = path.join(dir, 'channel.json');
      fs.writeFileSync(own, JSON.stringify({ zh: { menuPrompt: '请回复序号：' }, en: { menuPrompt: 'Pick a number:' } }));
      const shopResponses = Responses.load([path.join(__dirname, '../../../dialogs'), own]);
      const reply = message('Hi', locale, { suggestedActions: { actions: actions('A') } });
      expect(activityAsPlainText(reply, { responses: shopResponses })).toBe(`Hi\n\n${locale === 'zh' ? '请回复序号：' : 'Pick a number:'}\n1. A`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
