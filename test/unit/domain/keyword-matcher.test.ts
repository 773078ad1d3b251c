/**
 * The domain's keyword lists as matchers (`domain/keyword-matcher`), in zh and en: the built-in
 * words read as the bot's regexes did, and a shop's words replace them.
 */
import { builtInDomain, KeywordMatcher, wordsOf } from '../../../src/domain';

describe('KeywordMatcher', () => {
  const words = wordsOf(builtInDomain());

  it('should read yes and no at the start of an answer, no first, in both languages', () => {
    expect(['好的', '是的，取消吧', '确认', '嗯'].map((t) => words.yesNo(t))).toEqual([true, true, true, true]);
    expect(['不要了', '算了', '别取消'].map((t) => words.yesNo(t))).toEqual([false, false, false]);
    expect(['yes please', 'OK', 'sure thing', 'go ahead'].map((t) => words.yesNo(t))).toEqual([true, true, true, true]);
    expect(['no', 'Nope.', "don't", 'keep it'].map((t) => words.yesNo(t))).toEqual([false, false, false, false]);
    expect(['note this', 'yellow', '我的订单', 'where is it'].map((t) => words.yesNo(t))).toEqual([null, null, null, null]);
  });

  it('should take a stop word only as the whole message', () => {
    expect(['算了', '不用了！', 'never mind', 'Forget it.', 'stop'].map((t) => words.stop(t))).toEqual([true, true, true, true, true]);
    expect(['算了，帮我查另一个订单', 'never mind the address, cancel it', 'bus stop nearby?'].map((t) => words.stop(t))).toEqual([false, false, false]);
  });

  it('should find the latest order and refinements anywhere, Latin words whole', () => {
    expect([words.latest('查一下我最近的订单'), words.latest('my last order'), words.latest('recently ordered'), words.latest('plastic case')]).toEqual([true, true, true, false]);
    expect(['有没有便宜点的', 'anything cheaper?', '要高端一点的', 'more expensive ones', '换一批', 'show me others'].map((t) => words.refinement(t))).toEqual([
      'cheaper', 'cheaper', 'pricier', 'pricier', 'more', 'more',
    ]);
    expect([words.refinement('你好'), words.refinement('hello there'), words.refinement('bothersome')]).toEqual([null, null, null]);
  });

  it("should use a shop's words instead of the built-in ones", () => {
    const shop = new KeywordMatcher({ ...builtInDomain().keywords, stop: { zh: ['不聊了'], en: ['bye now'] } });
    expect([shop.stop('不聊了'), shop.stop('bye now!'), shop.stop('算了'), shop.stop('never mind')]).toEqual([true, true, false, false]);
  });

  it('should read the follow-up words: ordinals, pronouns, cues, in stock and order words', () => {
    expect(['第二个拍照咋样', 'the second one', '最后一个', 'the last one', '第10个'].map((t) => words.ordinal(t))).toEqual([2, 2, -1, -1, undefined]);
    expect([words.pronoun('它怎么样'), words.pronoun('is it good?'), words.pronoun('italy')]).toEqual([true, true, false]);
    expect([words.followUpCue('华为的呢'), words.followUpCue('what about sony'), words.followUpCue('推荐手机')]).toEqual([true, true, false]);
    expect([words.inStock('有现货的吗'), words.inStock('any in stock?'), words.inStock('stocking')]).toEqual([true, true, false]);
    expect([words.orderWord('这单改地址'), words.orderWord('where is my parcel'), words.orderWord('border')]).toEqual([true, true, false]);
  });
});
