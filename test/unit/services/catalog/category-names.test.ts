import { CategoryNames, readableSlug } from '../../../../src/services/catalog/category-names';
import { productCard } from '../../../../src/dialogs/product-card';
import { withinBudget } from '../../../../src/dialogs/recommend-handler';
import type { Product } from '../../../../src/core/shop';

describe('CategoryNames', () => {
  const shop = new CategoryNames([{ id: 'books', names: { zh: '图书', en: 'Books' } }, { id: 'beans', names: { en: 'Coffee beans' } }]);

  it("should use the shop's own name in the shopper's language", () => {
    expect(shop.name('books', 'zh')).toBe('图书');
    expect(shop.name('books', 'en')).toBe('Books');
  });

  it('should use the built-in name of the kind the slug names in Chinese, never the raw slug', () => {
    const names = new CategoryNames();
    expect(names.name('home-appliances', 'zh')).toBe('家用电器');
    expect(names.name('audio', 'zh')).toBe('耳机音响');
    expect(names.name('laptops', 'zh')).toBe('笔记本电脑');
    expect(names.name('sportswear', 'zh')).toBe('运动服饰');
  });

  it('should make an English slug readable, and name short codes', () => {
    const names = new CategoryNames();
    expect(names.name('home-appliances', 'en')).toBe('Home appliances');
    expect(names.name('tv', 'en')).toBe('TVs');
    expect(readableSlug('garden_tools')).toBe('Garden tools');
  });

  it("should fall back to the shop's other language, then a readable slug", () => {
    expect(shop.name('beans', 'zh')).toBe('Coffee beans');
    expect(new CategoryNames().name('widgets-x', 'zh')).toBe('Widgets x');
  });
});

describe('productCard category name', () => {
  const product: Product = { id: 'P1', title: { zh: '吸尘器', en: 'Vacuum' }, category: 'home-appliances', price: 1999, currency: 'CNY', stock: 3 };

  it('should keep the slug and add the name in the shopper language', () => {
    expect(productCard(product, 'zh').content).toMatchObject({ category: 'home-appliances', categoryName: '家用电器' });
    expect(productCard(product, 'en').content).toMatchObject({ category: 'home-appliances', categoryName: 'Home appliances' });
    const names = new CategoryNames([{ id: 'home-appliances', names: { zh: '生活电器', en: 'Small appliances' } }]);
    expect(productCard(product, 'zh', undefined, names).content.categoryName).toBe('生活电器');
  });
});

describe('withinBudget', () => {
  it('should hold only for prices inside the range', () => {
    expect(withinBudget(2999, { max: 3000 })).toBe(true);
    expect(withinBudget(3499, { max: 3000 })).toBe(false);
    expect(withinBudget(199, { min: 200, max: 400 })).toBe(false);
    expect(withinBudget(500, { min: 200 })).toBe(true);
  });
});
