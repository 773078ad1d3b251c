import type { Entity, KefuRecognizerResult } from '../../../../src/core/nlu';
import { resolveFollowUp } from '../../../../src/dialogs/context/follow-up';
import type { RecentContext } from '../../../../src/dialogs/context/recent-context';
import { builtInDomain } from '../../../../src/domain/built-in-domain';
import { wordsOf } from '../../../../src/domain/keyword-matcher';

const words = wordsOf(builtInDomain());
const nothingNamed = () => false;

/** A recognition as the classifier would give it: the top intent and score, the entities found. */
function recognized(text: string, intent: string, score: number, entities: Partial<Entity>[] = []): KefuRecognizerResult {
  return {
    text,
    locale: /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en',
    intents: { [intent]: { score }, oos: { score: 1 - score } },
    entities: entities.map((e) => ({ text: '', start: 0, end: 0, ...e }) as Entity),
    topIntent: { name: intent, score },
  };
}

const laptops: RecentContext = { intent: 'product.recommend', constraints: { category: 'laptops', price: { max: 5000 } }, productIds: ['P1', 'P2', 'P3'], orderIds: [], shown: 'products' };
const order: RecentContext = { intent: 'order.status', productIds: [], orderIds: ['DD1'], shown: 'orders' };

describe('resolveFollowUp', () => {
  it('should read a brand after a list as the same list narrowed, when the classifier is unsure or off-family', () => {
    for (const [text, intent, score] of [['要华为的', 'product.recommend', 0.89], ['huawei ones please', 'agent.handoff', 0.36]] as const) {
      const f = resolveFollowUp({ text, recognition: recognized(text, intent, score, [{ type: 'brand', value: 'Huawei' }]), recent: laptops, namesProduct: nothingNamed, words });
      expect(f).toMatchObject({ intent: 'product.recommend', constraints: { category: 'laptops', brand: 'Huawei', price: { max: 5000 } } });
    }
  });

  it('should answer an ordinal question about the card it points at (第二个拍照咋样 / "the second one … calls")', () => {
    for (const [text, intent, score] of [['第二个拍照咋样', 'oos', 0.81], ['what about the second one, is it any good for calls?', 'product.recommend', 0.76]] as const) {
      const f = resolveFollowUp({ text, recognition: recognized(text, intent, score), recent: laptops, namesProduct: nothingNamed, words });
      expect(f).toMatchObject({ intent: 'product.info', rule: 'reference', reference: { kind: 'product', productId: 'P2' } });
    }
  });

  it('should read "what about my latest order then?" / 那我最近的订单呢 after an order answer as the same order question', () => {
    for (const text of ['what about my latest order then?', '那我最近的订单呢']) {
      const f = resolveFollowUp({ text, recognition: recognized(text, 'oos', 0.52), recent: order, namesProduct: nothingNamed, words });
      expect(f).toMatchObject({ intent: 'order.status', rule: 'ellipsis' });
    }
  });

  it('should point "cancel it" / 取消它 at the order last shown', () => {
    for (const text of ['cancel it', '取消它']) {
      const f = resolveFollowUp({ text, recognition: recognized(text, 'order.cancel', 1), recent: order, namesProduct: nothingNamed, words });
      expect(f).toMatchObject({ intent: 'order.cancel', reference: { kind: 'order', orderId: 'DD1' } });
    }
  });

  it('should leave a confident change of topic alone (包邮吗 / "is shipping free?")', () => {
    for (const text of ['包邮吗', 'is shipping free?']) {
      const f = resolveFollowUp({ text, recognition: recognized(text, 'shipping.info', 0.95), recent: laptops, namesProduct: nothingNamed, words });
      expect(f).toEqual({ intent: 'shipping.info', score: 0.95 });
    }
  });

  it('should keep a question about a named product one ("小米14有货吗" / "is the xiaomi 14 in stock")', () => {
    for (const text of ['小米14有货吗', 'is the xiaomi 14 in stock']) {
      const f = resolveFollowUp({ text, recognition: recognized(text, 'product.stock', 1, [{ type: 'brand', value: 'Xiaomi' }]), recent: laptops, namesProduct: () => true, words });
      expect(f).toEqual({ intent: 'product.stock', score: 1 });
    }
  });

  it('should leave "it" among several cards to the shopper: the cards it may mean (它有货吗 / "is it any good?")', () => {
    for (const [text, intent, expected] of [['它有货吗', 'product.stock', 'product.stock'], ['is it any good?', 'oos', 'product.info']] as const) {
      const f = resolveFollowUp({ text, recognition: recognized(text, intent, 0.7), recent: laptops, namesProduct: nothingNamed, words });
      expect(f).toEqual({ intent: expected, score: 0.7, rule: 'reference', choices: ['P1', 'P2', 'P3'] });
    }
    // Not after a question about one product, nor with a brand named (a change to the list).
    const one: RecentContext = { ...laptops, intent: 'product.info' };
    for (const [text, brand] of [['那个华为的有货吗', 'Huawei'], ['is that huawei one in stock?', 'Huawei']] as const) {
      expect(resolveFollowUp({ text, recognition: recognized(text, 'product.stock', 0.7), recent: one, namesProduct: nothingNamed, words }).choices).toBeUndefined();
      const named = resolveFollowUp({ text, recognition: recognized(text, 'product.stock', 0.7, [{ type: 'brand', value: brand }]), recent: laptops, namesProduct: nothingNamed, words });
      expect(named).toMatchObject({ intent: 'product.recommend', rule: 'ellipsis', constraints: { brand: 'Huawei' } });
      expect(named.choices).toBeUndefined();
    }
  });

  it("should keep a shop's own question about one product (product.warranty) when it points at a card (它保修多久 / \"what's the warranty on it?\")", () => {
    const one: RecentContext = { intent: 'product.info', productIds: ['P9'], orderIds: [], shown: 'products' };
    for (const text of ['它保修多久', "what's the warranty on it?"]) {
      const pointed = resolveFollowUp({ text, recognition: recognized(text, 'product.warranty', 0.8), recent: one, namesProduct: nothingNamed, words });
      expect(pointed).toMatchObject({ intent: 'product.warranty', rule: 'reference', reference: { kind: 'product', productId: 'P9' } });
      const among = resolveFollowUp({ text, recognition: recognized(text, 'product.warranty', 0.8), recent: laptops, namesProduct: nothingNamed, words });
      expect(among).toMatchObject({ intent: 'product.warranty', choices: ['P1', 'P2', 'P3'] });
      // Unsure: a question about the product.
      expect(resolveFollowUp({ text, recognition: recognized(text, 'product.warranty', 0.4), recent: one, namesProduct: nothingNamed, words }).intent).toBe('product.info');
    }
  });
});
