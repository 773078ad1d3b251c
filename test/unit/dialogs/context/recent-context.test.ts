import { nextContext } from '../../../../src/dialogs/context/recent-context';

describe('nextContext', () => {
  it('should remember the intent, the constraints and the cards in the order shown', () => {
    const after = nextContext(undefined, { intent: 'product.recommend', productIds: ['P2', 'P1'], orderIds: [], constraints: { category: 'laptops', price: { max: 5000, min: undefined } } });
    expect(after).toEqual({ intent: 'product.recommend', productIds: ['P2', 'P1'], orderIds: [], shown: 'products', constraints: { category: 'laptops', price: { max: 5000 } } });
  });

  it('should keep the cards and the intent through small talk (谢谢 / thanks) and oos', () => {
    const list = nextContext(undefined, { intent: 'product.recommend', productIds: ['P1', 'P2'], orderIds: [] });
    for (const intent of ['smalltalk.thanks', 'oos']) expect(nextContext(list, { intent, productIds: [], orderIds: [] })).toEqual(list);
  });

  it('should make the order shown last what "it" points at, keeping the product cards', () => {
    const list = nextContext(undefined, { intent: 'product.recommend', productIds: ['P1'], orderIds: [] });
    const order = nextContext(list, { intent: 'order.status', productIds: [], orderIds: ['DD1'] });
    expect(order).toMatchObject({ intent: 'order.status', productIds: ['P1'], orderIds: ['DD1'], shown: 'orders' });
  });
});
