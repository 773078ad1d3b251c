import { confusedPairs, confusionCounts } from '../../../src/eval/confusion';

const p = (gold: string, predicted: string) => ({ gold, predicted });

describe('confusionCounts', () => {
  it('should count every gold → predicted cell, diagonal included', () => {
    const counts = confusionCounts([p('a', 'a'), p('a', 'b'), p('a', 'b'), p('b', 'b')]);
    expect(counts.get('a')?.get('a')).toBe(1);
    expect(counts.get('a')?.get('b')).toBe(2);
    expect(counts.get('b')?.get('a')).toBeUndefined();
  });
});

describe('confusedPairs', () => {
  const pairs = [p('a', 'b'), p('a', 'b'), p('c', 'b'), p('b', 'a'), p('b', 'c'), p('a', 'a'), p('退款', '退货')];

  it('should list only errors, most frequent first', () => {
    const out = confusedPairs(pairs);
    expect(out[0]).toEqual({ gold: 'a', predicted: 'b', count: 2 });
    expect(out.every((x) => x.gold !== x.predicted)).toBe(true);
    expect(out).toHaveLength(5);
  });

  it('should break ties by gold then predicted name', () => {
    expect(confusedPairs(pairs).slice(1).map((x) => `${x.gold}>${x.predicted}`)).toEqual(['b>a', 'b>c', 'c>b', '退款>退货']);
  });

  it('should stop at the limit', () => {
    expect(confusedPairs(pairs, 2)).toHaveLength(2);
  });

  it('should be empty without errors', () => {
    expect(confusedPairs([p('a', 'a')])).toEqual([]);
  });
});
