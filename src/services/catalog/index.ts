/** @module services/catalog — finding products by name, brand and model number. */
export { ProductMatcher, type ProductMatch, type ProductMatchOptions, type ProductMatcherOptions } from './product-matcher';
