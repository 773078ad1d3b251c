import type { Product } from '../../../../src/core/shop';
import { productFilter } from '../../../../src/services/recommender/constraints';
import productsJson from '../../../fixtures/services/products.json';

const products = productsJson as Product[];
const ids = (pred: (p: Product) => boolean): string[] => products.filter(pred).map((p) => p.id);

describe('productFilter', () => {
  it('should keep everything without constraints', () => {
    expect(ids(productFilter({}))).toHaveLength(products.length);
  });

  it('should filter by category and brand, ignoring case and spaces', () => {
    expect(ids(productFilter({ category: 'Laptops' }))).toEqual(['P-MBA', 'P-MBP']);
    expect(ids(productFilter({ brand: 'sony', category: 'headphones' }))).toEqual(['P-XM5', 'P-XM4']);
  });

  it('should filter by an inclusive price range', () => {
    expect(ids(productFilter({ price: { min: 1799, max: 2499 } }))).toEqual(['P-XM5', 'P-XM4', 'P-APP2']);
    expect(ids(productFilter({ price: { max: 49 } }))).toEqual(['P-CASE14', 'P-SCREEN']);
  });

  it('should keep only products in stock, counting a missing stock as available', () => {
    const inStock = ids(productFilter({ inStock: true }));
    expect(inStock).not.toContain('P-XM4');
    expect(inStock).not.toContain('P-CHG');
    const noStockField: Product = { id: 'x', title: 'x', category: 'c', price: 1, currency: 'CNY' };
    expect(productFilter({ inStock: true })(noStockField)).toBe(true);
  });

  it('should match attributes, any element of an array attribute', () => {
    expect(ids(productFilter({ attributes: { color: 'Silver' } }))).toEqual(['P-XM5']);
    expect(ids(productFilter({ attributes: { color: 'black', storage: '256gb' } }))).toEqual(['P-MI14P']);
    expect(ids(productFilter({ attributes: { weight: '1kg' } }))).toEqual([]);
  });

  it('should exclude ids', () => {
    expect(ids(productFilter({ category: 'laptops', excludeIds: ['P-MBA'] }))).toEqual(['P-MBP']);
  });
});
