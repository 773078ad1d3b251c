import type { Product } from '../../../../src/core/shop';
import { charNgrams, compact } from '../../../../src/services/catalog/char-ngrams';
import { modelCodes } from '../../../../src/services/catalog/model-codes';

describe('charNgrams', () => {
  it('should compact case, width, spaces and dashes', () => {
    expect(compact('Sony WH-1000XM5')).toBe('sonywh1000xm5');
    expect(compact('ＷＨ－１０００ＸＭ５')).toBe('wh1000xm5');
    expect(compact('小米14 Pro 12GB+256GB')).toBe('小米14pro12gb+256gb');
  });

  it('should give 2- and 3-grams, and a short text itself', () => {
    expect([...charNgrams('Pro 2')]).toEqual(['pr', 'ro', 'o2', 'pro', 'ro2']);
    expect([...charNgrams('X')]).toEqual(['x']);
    expect(charNgrams(' - ').size).toBe(0);
  });
});

describe('modelCodes', () => {
  const base: Product = { id: 'p', title: '', category: 'c', price: 1, currency: 'CNY' };

  it('should take model attributes and code-like title words', () => {
    const p: Product = {
      ...base,
      title: { zh: '索尼 WH-1000XM5 无线耳机', en: 'Apple MacBook Air 13英寸 M3' },
      attributes: { model: 'MRXN3CH/A', 型号: ['A2337'], color: 'black' },
    };
    expect(modelCodes(p).sort()).toEqual(['a2337', 'm3', 'mrxn3ch/a'.replace('/', ''), 'wh1000xm5'].sort());
  });

  it('should not take plain numbers or Han words next to digits', () => {
    expect(modelCodes({ ...base, title: '小米14 Pro 13英寸 2024' })).toEqual([]);
  });

  it('should not take specifications (a number with a unit)', () => {
    expect(modelCodes({ ...base, title: '小米14 Pro 5G手机 12GB+256GB 2.8K 50ml' })).toEqual([]);
    expect(modelCodes({ ...base, title: 'OPPO Find X7 Ultra 5G 16GB+256GB' })).toEqual(['x7']);
  });
});
