import { inheritConstraints, isNewRequest } from '../../../../src/dialogs/context/constraint-inheritance';
import { builtInDomain } from '../../../../src/domain/built-in-domain';
import { wordsOf } from '../../../../src/domain/keyword-matcher';

const words = wordsOf(builtInDomain());

const laptops = { category: 'laptops', price: { max: 5000 } };

describe('inheritConstraints', () => {
  it.each([
    ['要华为的', 'huawei ones please'],
    ['华为的呢', 'what about huawei?'],
  ])('should keep category and budget when only the brand follows (%s / %s)', (zh, en) => {
    for (const text of [zh, en]) expect(inheritConstraints(laptops, text, { brand: 'Huawei' }, words)).toEqual({ ...laptops, brand: 'Huawei' });
  });

  it('should replace the brand ("only Sony" / 只要索尼的)', () => {
    const before = { category: 'audio', brand: 'Bose' };
    for (const text of ['only Sony', '只要索尼的']) expect(inheritConstraints(before, text, { brand: 'Sony' }, words)).toEqual({ category: 'audio', brand: 'Sony' });
  });

  it('should replace the category and keep brand and budget ("and for laptops?" / 那笔记本呢)', () => {
    const before = { category: 'phones', brand: 'Xiaomi', price: { max: 5000 } };
    for (const text of ['and for laptops?', '那笔记本呢']) {
      expect(inheritConstraints(before, text, { category: 'laptops' }, words)).toEqual({ category: 'laptops', brand: 'Xiaomi', price: { max: 5000 } });
    }
  });

  it('should add in-stock (有现货的吗 / "any in stock?") and replace the budget (8000以内呢 / "under 8000?")', () => {
    for (const text of ['有现货的吗', 'any in stock?']) expect(inheritConstraints(laptops, text, {}, words)).toEqual({ ...laptops, inStock: true });
    for (const text of ['8000以内呢', 'what about under 8000?']) expect(inheritConstraints(laptops, text, { price: { max: 8000 } }, words)).toEqual({ category: 'laptops', price: { max: 8000 } });
  });

  it('should read a message that names a category without a follow-up cue as a new request', () => {
    for (const text of ['推荐一款3000以内的手机', 'recommend a phone under 3000']) {
      expect(isNewRequest(text, { category: 'phones' }, words)).toBe(true);
      expect(inheritConstraints({ category: 'laptops', brand: 'Huawei' }, text, { category: 'phones', price: { max: 3000 } }, words)).toEqual({ category: 'phones', price: { max: 3000 } });
    }
  });
});
