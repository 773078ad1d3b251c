import { canonicalize, conceptToken } from '../../../../src/services/faq/shop-synonyms';
import { semanticFeatures } from '../../../../src/services/faq/semantic-features';

describe('shop synonyms', () => {
  it('should map colloquial and formal Chinese to one concept', () => {
    expect(canonicalize('你们发啥快递')).toContain(conceptToken('carrier'));
    expect(canonicalize('你们发啥快递')).toContain(conceptToken('what'));
    expect(canonicalize('用什么快递')).toContain(conceptToken('what'));
    expect(canonicalize('退钱')).toBe(canonicalize('退款'));
  });

  it('should map English to the same concepts as Chinese', () => {
    expect(canonicalize('which courier')).toContain(conceptToken('carrier'));
    expect(canonicalize('refund')).toBe(canonicalize('退款'));
    expect(canonicalize('vouchers').trim()).toBe(conceptToken('coupon'));
  });

  it('should take the longest form and match English as whole words only', () => {
    expect(canonicalize('快递公司').trim()).toBe(conceptToken('carrier'));
    expect(canonicalize('运费').trim()).toBe(conceptToken('fee'));
    expect(canonicalize('repay')).toBe('repay');
    expect(canonicalize('paypal')).toBe('paypal');
  });
});

describe('semantic features', () => {
  it('should give concepts, Chinese characters and bigrams, and trimmed English words', () => {
    expect(semanticFeatures('发票咋开')).toEqual(expect.arrayContaining([conceptToken('invoice'), conceptToken('how'), '开']));
    expect(semanticFeatures('保修期')).toEqual(expect.arrayContaining([conceptToken('warranty'), '期']));
    expect(semanticFeatures('the parcels arrived')).toEqual(expect.arrayContaining(['parcel', conceptToken('arrive')]));
  });

  it('should drop particles and pronouns', () => {
    expect(semanticFeatures('你们的吗')).toEqual([]);
    expect(semanticFeatures('is it the')).toEqual([]);
  });
});
