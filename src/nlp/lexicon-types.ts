/**
 * @module nlp/lexicon-types
 * The shop lexicon: what the NLU knows about one catalogue. Plain JSON, so it can be hashed,
 * cached and handed around; built by `buildShopLexicon`.
 */

/** A brand, as the catalogue spells it, with the lower-case names shoppers use for it. */
export interface BrandEntry {
  name: string;
  /** Normalised (lower-case, half-width) names: the catalogue spelling plus aliases found in titles. */
  aliases: string[];
}

/** A catalogue category and the normalised words that point to it. */
export interface CategoryEntry {
  slug: string;
  words: string[];
}

/** A product's names: its titles and the model numbers found in them. */
export interface ProductEntry {
  id: string;
  category: string;
  brand?: string;
  titles: string[];
  /** Model numbers as written in the titles (`WH-1000XM5`, `V12`). */
  models: string[];
  /** The shop's keywords for the product, normalised (only when it gave some). */
  keywords?: string[];
}

export interface ShopLexicon {
  brands: BrandEntry[];
  categories: CategoryEntry[];
  products: ProductEntry[];
}
