import { allMatches } from '../../../src/nlp/all-matches';

describe('allMatches', () => {
  const same = (regex: RegExp, text: string): void => {
    expect(allMatches(regex, text).map((m) => [m[0], m.index])).toEqual([...text.matchAll(regex)].map((m) => [m[0], m.index]));
  };

  it('should find what matchAll finds, in Chinese and English text', () => {
    same(/\d+/g, 'order 123 and 45 / 订单678');
    same(/[\p{Script=Han}]+/gu, '我的订单 where is 它');
    same(/x*/g, 'axxb');
    same(/(?:)/gu, '😀a好');
  });

  it('should leave lastIndex at 0 and refuse non-global expressions', () => {
    const regex = /a/g;
    allMatches(regex, 'aaa');
    expect(regex.lastIndex).toBe(0);
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });
});
