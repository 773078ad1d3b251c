import { OrderIdPattern } from '../../../../src/dialogs/order/order-id-pattern';

describe('OrderIdPattern', () => {
  it('should learn the shapes of the shop\'s order ids', () => {
    const pattern = OrderIdPattern.learn(['SO-2026-000123', 'SO-2026-000124', '202611050001234']);
    expect(pattern.find('where is so-2026-000777 please')).toBe('SO-2026-000777');
    expect(pattern.find('订单202611050009999到哪了')).toBe('202611050009999');
    expect(pattern.find('DD20261101008')).toBe('DD20261101008'); // the generic shape stays
  });

  it('should not take a verification answer, a phone number or a short number for an order id', () => {
    const pattern = OrderIdPattern.learn(['1234', 'A1', 'BK2026110501']);
    expect(pattern.find('8000')).toBeUndefined();
    expect(pattern.find('13800138000')).toBeUndefined();
    expect(pattern.find('BK2026110501')).toBe('BK2026110501');
    expect(pattern.find('xBK2026110501')).toBeUndefined();
  });

  it('should keep the case of a shop whose ids are lower-case', () => {
    expect(OrderIdPattern.learn(['ord_20261105_77']).find('ORD_20261105_12 status')).toBe('ORD_20261105_12');
    expect(OrderIdPattern.learn(['ABC12345678']).find('abc87654321')).toBe('ABC87654321');
  });
});
