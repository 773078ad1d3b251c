/**
 * @module nlp/generic-categories
 * The built-in bilingual lexicon of common product kinds (`lexicon-data/product-kinds.json`):
 * the words shoppers use for each kind in Chinese and English, the category slugs it usually
 * maps to, and its display names. It is never used on its own: `buildShopLexicon` lends a kind's
 * words to a catalogue category only when that category exists (its slug names the kind, or its
 * own words overlap the kind's), and `categoryName` shows a kind's name for a category it names.
 */
import data from './lexicon-data/product-kinds.json';
import { normalizeText } from './normalize';
import { stemEn } from './lang/en/stemmer-en';

export interface GenericCategory {
  /** Slug words that name this kind of category (singular, lower-case). */
  keys: readonly string[];
  /** Words shoppers use for it, in both languages. */
  words: readonly string[];
  /**
   * Those of `words` that also name something else (笔记本/notebook: a laptop or a paper
   * notebook): lent to a category the kind applies to, but no evidence that it applies.
   */
  ambiguous?: readonly string[];
  /** What the kind is called, per language. */
  names: { zh: string; en: string };
}

interface KindRecord {
  keys: string[];
  names: { zh: string; en: string };
  zh: string[];
  en: string[];
  ambiguous?: string[];
}

export const GENERIC_CATEGORIES: readonly GenericCategory[] = (data.kinds as KindRecord[]).map((k) => ({
  keys: k.keys,
  words: [...k.zh, ...k.en],
  names: k.names,
  ...(k.ambiguous ? { ambiguous: k.ambiguous } : {}),
}));

/** Does the category slug name this kind (`home-appliances` names the appliance kinds)? */
export function slugNamesKind(g: GenericCategory, slug: string): boolean {
  const stems = new Set(normalizeText(slug).split(/[-_\s]+/).map(stemEn));
  return g.keys.some((k) => stems.has(stemEn(k)));
}

/** The first built-in kind a slug names (the general kinds come first in the data). */
export function kindNamedBy(slug: string): GenericCategory | undefined {
  return GENERIC_CATEGORIES.find((g) => slugNamesKind(g, slug));
}
