/**
 * @module dialogs/product-card
 * The protocol's product card (`application/vnd.kefu.product+json`).
 */
import { localize, type Locale, type Product } from '../core/shop';
import { ContentTypes } from './turn/reply';
import { BUILTIN_CATEGORY_NAMES, type CategoryNames } from '../services/catalog/category-names';

/**
 * @param names category names in the shopper's language (`categoryName`); `category` stays the slug.
 * @example productCard(product, 'zh', '热销推荐', services.categoryNames)
 */
export function productCard(product: Product, locale: Locale, reason?: string, names: CategoryNames = BUILTIN_CATEGORY_NAMES) {
  return {
    contentType: ContentTypes.product,
    content: {
      productId: product.id,
      title: localize(product.title, locale),
      price: product.price,
      currency: product.currency,
      category: product.category,
      categoryName: names.name(product.category, locale),
      ...(product.brand ? { brand: product.brand } : {}),
      ...(product.imageUrl ? { imageUrl: product.imageUrl } : {}),
      ...(product.url ? { url: product.url } : {}),
      ...(reason ? { reason } : {}),
      ...(product.stock !== undefined ? { stock: product.stock, inStock: product.stock > 0 } : { inStock: true }),
      ...(product.rating !== undefined ? { rating: product.rating } : {}),
    },
  };
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** One formatter per language: `toLocaleString` with options builds a new `Intl.NumberFormat` at every call. */
const AMOUNT_FORMATS = new Map<Locale, Intl.NumberFormat>();

function amountFormat(locale: Locale): Intl.NumberFormat {
  let format = AMOUNT_FORMATS.get(locale);
  if (!format) AMOUNT_FORMATS.set(locale, (format = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 })));
  return format;
}

/** "¥2,999" / "CNY 2,999" style price text. */
export function priceText(product: Pick<Product, 'price' | 'currency'>, locale: Locale): string {
  return `${CURRENCY_SYMBOLS[product.currency] ?? product.currency + ' '}${amountFormat(locale).format(product.price)}`;
}
