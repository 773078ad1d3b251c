/**
 * The protocol module the server and the widget share: the cards the server builds are the
 * shapes the widget renders (checked by the compiler through the typed assignments below, and at
 * run time field by field), in zh and en.
 */
import { ChatEvents, ContentTypes, type FaqCardContent, type OrderCardContent, type ProductCardContent } from '../../../src/core/chat-protocol';
import { faqCard } from '../../../src/dialogs/faq-handler';
import { orderCard } from '../../../src/dialogs/order/order-card';
import { productCard } from '../../../src/dialogs/product-card';
import { shop } from '../../helpers/shop-fixture';

const LOCALES = ['zh', 'en'] as const;
const products = new Map(shop.products.map((p) => [p.id, p]));

describe('core/chat-protocol', () => {
  it('should name every event of both event maps after itself', () => {
    for (const [key, name] of Object.entries(ChatEvents)) expect(name).toBe(key);
  });

  it.each(LOCALES)('should describe the product card the server builds (%s)', (locale) => {
    for (const product of shop.products) {
      const card = productCard(product, locale);
      expect(card.contentType).toBe(ContentTypes.product);
      const content: ProductCardContent = card.content;
      expect(typeof content.productId).toBe('string');
      expect(content.title).toMatch(/\S/);
      expect(typeof content.price).toBe('number');
      expect(typeof content.currency).toBe('string');
      expect(content.categoryName).toMatch(/\S/);
    }
  });

  it.each(LOCALES)('should describe the order card the server builds (%s)', (locale) => {
    for (const order of shop.orders) {
      const card = orderCard(order, products, locale);
      expect(card.contentType).toBe(ContentTypes.order);
      const content: OrderCardContent = card.content;
      expect(content.orderId).toBe(order.id);
      expect(content.items.length).toBe(order.items.length);
      for (const item of content.items) expect(typeof item.quantity).toBe('number');
      if (content.lastEvent) expect(Number.isNaN(Date.parse(content.lastEvent.at))).toBe(false);
    }
  });

  it.each(LOCALES)('should describe the FAQ card the server builds (%s)', (locale) => {
    for (const faq of shop.faq) {
      const card = faqCard(faq, locale);
      expect(card.contentType).toBe(ContentTypes.faq);
      const content: FaqCardContent = card.content;
      expect(content.faqId).toBe(faq.id);
      expect(content.answer).toMatch(/\S/);
    }
  });
});
