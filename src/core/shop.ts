/**
 * @module core/shop
 * Domain types of a shop, as in `shop-data.md` (the import format). Plain JSON, no behaviour.
 */

/** Languages kefu speaks. */
export type Locale = 'zh' | 'en';
export const LOCALES: readonly Locale[] = ['zh', 'en'];

/** A plain string, or text keyed by language tag (`{"zh": "…", "en": "…"}`). */
export type Localized = string | Record<string, string>;

export interface Product {
  id: string;
  title: Localized;
  description?: Localized;
  category: string;
  brand?: string;
  price: number;
  currency: string;
  stock?: number;
  rating?: number;
  attributes?: Record<string, string | string[]>;
  tags?: string[];
  imageUrl?: string;
  url?: string;
  /** Words shoppers use for this product, per language (`{"zh": ["降噪豆"], "en": ["buds"]}`). */
  keywords?: Record<string, string[]>;
}

/** A category's names per language and the shop's synonyms for it (`categories.json`). */
export interface ShopCategory {
  /** The slug products use in `category`. */
  id: string;
  names: Record<string, string>;
  synonyms?: Record<string, string[]>;
}

/** Other names of a brand, as the shop knows them (`brands.json`). */
export interface ShopBrand {
  /** The brand as products spell it in `brand`. */
  name: string;
  aliases: string[];
}

export interface Customer {
  id: string;
  name?: string;
  phone?: string;
  email?: string;
  lang?: string;
}

export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'returned' | 'refunded';
export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'shipped', 'delivered', 'cancelled', 'returned', 'refunded'];

export interface OrderItem {
  productId: string;
  quantity: number;
  unitPrice?: number;
}

export interface ShippingEvent {
  at: string;
  description: Localized;
}

export interface Shipping {
  carrier?: string;
  trackingNumber?: string;
  address?: string;
  estimatedDelivery?: string;
  events?: ShippingEvent[];
}

export interface Order {
  id: string;
  customerId: string;
  status: OrderStatus;
  items: OrderItem[];
  total?: number;
  currency?: string;
  createdAt: string;
  updatedAt?: string;
  shipping?: Shipping;
}

export type ShopEventType = 'view' | 'cart' | 'purchase' | 'rating';

export interface ShopEvent {
  customerId: string;
  productId: string;
  type: ShopEventType;
  value?: number;
  at: string;
}

export interface Faq {
  id: string;
  questions: Record<string, string[]>;
  answer: Localized;
  tags?: string[];
}

/** One import folder, as one object (the schema's top level). */
export interface ShopData {
  products: Product[];
  customers: Customer[];
  orders: Order[];
  events: ShopEvent[];
  faq: Faq[];
  /** Optional: category names and synonyms. */
  categories?: ShopCategory[];
  /** Optional: brand aliases. */
  brands?: ShopBrand[];
}

/**
 * Picks the text for a locale from a localized value: the exact language, then the other one,
 * then whatever is there.
 * @example localize({ zh: '手机', en: 'Phone' }, 'en') // 'Phone'
 */
export function localize(value: Localized | undefined, locale: Locale): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[locale] ?? value[locale === 'zh' ? 'en' : 'zh'] ?? Object.values(value)[0] ?? '';
}
