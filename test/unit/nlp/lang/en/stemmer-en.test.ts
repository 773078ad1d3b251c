import { stemEn } from '../../../../../src/nlp/lang/en/stemmer-en';

describe('stemEn', () => {
  it('should Porter-stem English words', () => {
    expect(stemEn('shipping')).toBe('ship');
    expect(stemEn('cancelled')).toBe(stemEn('cancel'));
    expect(stemEn('headphones')).toBe(stemEn('headphone'));
  });

  it("should drop a possessive 's and keep short or non-ASCII words", () => {
    expect(stemEn("order's")).toBe('order');
    expect(stemEn('is')).toBe('is');
    expect(stemEn('café')).toBe('café');
  });
});
