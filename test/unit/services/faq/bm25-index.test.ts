import { Bm25Index } from '../../../../src/services/faq/bm25-index';
import { withHanSubwords } from '../../../../src/services/faq/han-subwords';

describe('Bm25Index', () => {
  const index = new Bm25Index();
  index.add(['return', 'policy']);
  index.add(['ship', 'time', 'ship']);
  index.add(['ship', 'fee']);

  it('should score only documents sharing a term, rarer terms higher', () => {
    const scores = index.score(['return', 'ship']);
    expect([...scores.keys()].sort()).toEqual([0, 1, 2]);
    expect(index.idf('return')).toBeGreaterThan(index.idf('ship'));
    expect(scores.get(0)!).toBeGreaterThan(scores.get(2)!);
    expect(index.score(['weather']).size).toBe(0);
  });

  it('should saturate term frequency', () => {
    const scores = index.score(['ship']);
    expect(scores.get(1)!).toBeGreaterThan(scores.get(2)!);
    expect(scores.get(1)!).toBeLessThan(2 * scores.get(2)!);
  });

  it('should give unseen terms the highest IDF and score a query against itself', () => {
    expect(index.idf('weather')).toBeGreaterThan(index.idf('return'));
    expect(index.selfScore(['return', 'policy'])).toBeGreaterThan(index.score(['return', 'policy']).get(0)! * 0.9);
    expect(new Bm25Index().selfScore(['x'])).toBeGreaterThan(0);
  });
});

describe('withHanSubwords', () => {
  it('should add the bigrams of Han words of three or more characters only', () => {
    expect(withHanSubwords(['保修期', '多长', 'return'])).toEqual(['保修期', '多长', 'return', '保修', '修期']);
    expect(withHanSubwords(['今天天气'])).toEqual(['今天天气', '今天', '天天', '天气']);
    expect(withHanSubwords(['wh-1000xm5'])).toEqual(['wh-1000xm5']);
  });
});
