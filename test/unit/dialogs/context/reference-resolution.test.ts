import { resolveReference } from '../../../../src/dialogs/context/reference-resolution';
import type { RecentContext } from '../../../../src/dialogs/context/recent-context';
import { builtInDomain } from '../../../../src/domain/built-in-domain';
import { KeywordMatcher, wordsOf } from '../../../../src/domain/keyword-matcher';

const words = wordsOf(builtInDomain());

const list: RecentContext = { intent: 'product.recommend', productIds: ['P1', 'P2', 'P3', 'P4'], orderIds: [], shown: 'products' };
const one: RecentContext = { intent: 'product.info', productIds: ['P9'], orderIds: [], shown: 'products' };
const order: RecentContext = { intent: 'order.status', productIds: ['P1', 'P2'], orderIds: ['DD1'], shown: 'orders' };

describe('resolveReference', () => {
  it.each([
    ['第二个拍照咋样', 'is the second one good for calls?', 2, 'P2'],
    ['第三款屏幕好吗', 'what about the third one?', 3, 'P3'],
    ['最后一个有货吗', 'is the last one in stock?', -1, 'P4'],
  ])('should point "%s" / "%s" at the card in that position', (zh, en, position, productId) => {
    for (const text of [zh, en]) expect(resolveReference(text, list, false, words)).toEqual({ kind: 'product', productId, position });
  });

  it('should not guess what "it" means among several cards, and mean the only card when there is one', () => {
    for (const text of ['它怎么样', 'is it any good?']) {
      expect(resolveReference(text, list, false, words)).toBeNull();
      expect(resolveReference(text, one, false, words)).toEqual({ kind: 'product', productId: 'P9', position: 1 });
    }
  });

  it('should point "cancel it" / 取消它 at the order last shown', () => {
    for (const text of ['取消它', 'cancel it', '这单改一下地址', 'change the address of this order']) {
      expect(resolveReference(text, order, true, words)).toEqual({ kind: 'order', orderId: 'DD1', position: 1 });
    }
  });

  it('should point at nothing without an ordinal or pronoun, or without cards', () => {
    expect(resolveReference('华为的呢', list, false, words)).toBeNull();
    expect(resolveReference('what about huawei?', list, false, words)).toBeNull();
    expect(resolveReference('第五个', list, false, words)).toBeNull();
    expect(resolveReference('the second one', undefined, false, words)).toBeNull();
  });

  it("should read a shop's own pronoun and ordinal words (domain keywords), in zh and en", () => {
    const builtIn = builtInDomain().keywords;
    const shop = new KeywordMatcher({
      ...builtIn,
      pronoun: { zh: [...builtIn.pronoun.zh, '这宝贝'], en: [...builtIn.pronoun.en, 'the thingy'] },
      ordinalSecond: { zh: ['老二'], en: ['number two'] },
    });
    for (const text of ['这宝贝怎么样', 'is the thingy any good?']) {
      expect(resolveReference(text, one, false, words)).toBeNull();
      expect(resolveReference(text, one, false, shop)).toEqual({ kind: 'product', productId: 'P9', position: 1 });
    }
    for (const text of ['老二有货吗', 'is number two in stock?']) {
      expect(resolveReference(text, list, false, words)).toBeNull();
      expect(resolveReference(text, list, false, shop)).toEqual({ kind: 'product', productId: 'P2', position: 2 });
    }
    // The shop's second-ordinal list replaces the built-in one.
    expect(resolveReference('第二个', list, false, shop)).toBeNull();
  });
});
