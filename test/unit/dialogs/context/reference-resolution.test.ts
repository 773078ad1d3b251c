import { resolveReference } from '../../../../src/dialogs/context/reference-resolution';
import type { RecentContext } from '../../../../src/dialogs/context/recent-context';

const list: RecentContext = { intent: 'product.recommend', productIds: ['P1', 'P2', 'P3', 'P4'], orderIds: [], shown: 'products' };
const one: RecentContext = { intent: 'product.info', productIds: ['P9'], orderIds: [], shown: 'products' };
const order: RecentContext = { intent: 'order.status', productIds: ['P1', 'P2'], orderIds: ['DD1'], shown: 'orders' };

describe('resolveReference', () => {
  it.each([
    ['第二个拍照咋样', 'is the second one good for calls?', 2, 'P2'],
    ['第三款屏幕好吗', 'what about the third one?', 3, 'P3'],
    ['最后一个有货吗', 'is the last one in stock?', -1, 'P4'],
  ])('should point "%s" / "%s" at the card in that position', (zh, en, position, productId) => {
    for (const text of [zh, en]) expect(resolveReference(text, list, false)).toEqual({ kind: 'product', productId, position });
  });

  it('should not guess what "it" means among several cards, and mean the only card when there is one', () => {
    for (const text of ['它怎么样', 'is it any good?']) {
      expect(resolveReference(text, list, false)).toBeNull();
      expect(resolveReference(text, one, false)).toEqual({ kind: 'product', productId: 'P9', position: 1 });
    }
  });

  it('should point "cancel it" / 取消它 at the order last shown', () => {
    for (const text of ['取消它', 'cancel it', '这单改一下地址', 'change the address of this order']) {
      expect(resolveReference(text, order, true)).toEqual({ kind: 'order', orderId: 'DD1', position: 1 });
    }
  });

  it('should point at nothing without an ordinal or pronoun, or without cards', () => {
    expect(resolveReference('华为的呢', list, false)).toBeNull();
    expect(resolveReference('what about huawei?', list, false)).toBeNull();
    expect(resolveReference('第五个', list, false)).toBeNull();
    expect(resolveReference('the second one', undefined, false)).toBeNull();
  });
});
