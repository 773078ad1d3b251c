/**
 * @module services/catalog/category-names
 * A category's name in the shopper's language, for cards and texts: the shop's own name
 * (`categories.json`); else, in Chinese, the built-in lexicon's name of the kind the slug names
 * (耳机音响 for `audio`) or the shop's English name; in English the slug made readable
 * (`home-appliances` → "Home appliances": the slug is the shop's own word, narrower than a
 * kind's name), except short codes (`tv` → "TVs"). Never the raw slug.
 */
import type { Locale, ShopCategory } from '../../core/shop';
import { kindNamedBy } from '../../nlp/generic-categories';

/** `home-appliances` → "Home appliances". */
export function readableSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export class CategoryNames {
  private readonly shop: ReadonlyMap<string, Record<string, string>>;

  constructor(categories: readonly ShopCategory[] = []) {
    this.shop = new Map(categories.map((c) => [c.id, c.names]));
  }

  /**
   * @example new CategoryNames().name('home-appliances', 'zh') // '家用电器'
   * @example new CategoryNames([{ id: 'books', names: { zh: '图书' } }]).name('books', 'en') // 'Books'
   */
  name(slug: string, locale: Locale): string {
    const own = this.shop.get(slug);
    if (own?.[locale]) return own[locale];
    const builtin = kindNamedBy(slug)?.names;
    if (locale === 'en') return slug.length <= 3 && builtin ? builtin.en : readableSlug(slug);
    return builtin?.zh ?? Object.values(own ?? {})[0] ?? readableSlug(slug);
  }
}

/** Names from the built-in lexicon only (a shop that gave none). */
export const BUILTIN_CATEGORY_NAMES = new CategoryNames();
