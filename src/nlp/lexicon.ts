/**
 * @module nlp/lexicon
 * Builds the shop lexicon from a catalogue: brands with their aliases, categories with their
 * words, products with their titles and model numbers. Nothing about a particular shop is built
 * in; the generic category words only serve categories the catalogue has.
 */
import type { Product, ShopBrand, ShopCategory } from '../core/shop';
import type { ShopLexicon, ProductEntry } from './lexicon-types';
import { normalizeText } from './normalize';
import { tokenize } from './tokenizer';
import { findBrandAliases } from './brand-aliases';
import { deriveCategoryWords } from './category-words';
import { GENERIC_CATEGORIES } from './generic-categories';
import { lendBuiltinBrands } from './builtin-brands';

/** What a shop says about its catalogue beside the products (the optional import files). */
export interface ShopKnowledge {
  categories?: readonly ShopCategory[];
  brands?: readonly ShopBrand[];
}

function titlesOf(p: Product): string[] {
  return typeof p.title === 'string' ? [p.title] : Object.values(p.title);
}

/** Model numbers in a title, as written (`WH-1000XM5`, `V12`). */
function modelsOf(title: string): string[] {
  return tokenize(title).filter((t) => t.tag === 'model').map((t) => t.text.trim());
}

const norm = (w: string): string => normalizeText(w).trim();

/** The shop's own brand aliases (`brands.json`) added to those found in the catalogue. */
function withShopAliases(found: Map<string, string[]>, brands: readonly ShopBrand[]): Map<string, string[]> {
  const result = new Map(found);
  for (const b of brands) {
    const have = result.get(b.name);
    if (have) result.set(b.name, [...new Set([...have, ...b.aliases.map(norm).filter(Boolean)])]);
  }
  return result;
}

/**
 * The shop's category names and synonyms added to the derived words; a word the shop gives one
 * category is taken from any other category that derived it.
 */
function withShopCategories(derived: Map<string, string[]>, categories: readonly ShopCategory[], brandWords: ReadonlySet<string>): Map<string, string[]> {
  const given = new Map<string, string>();
  for (const c of categories) {
    if (!derived.has(c.id)) continue;
    for (const w of [...Object.values(c.names), ...Object.values(c.synonyms ?? {}).flat()].map(norm)) {
      if (w && !brandWords.has(w) && !given.has(w)) given.set(w, c.id);
    }
  }
  const result = new Map<string, string[]>();
  for (const [slug, words] of derived) {
    const own = [...given].filter(([, s]) => s === slug).map(([w]) => w);
    result.set(slug, [...new Set([...words.filter((w) => (given.get(w) ?? slug) === slug), ...own])].sort());
  }
  return result;
}

/**
 * @param knowledge the shop's optional category names, synonyms and brand aliases
 * @example
 * const lexicon = buildShopLexicon(products);
 * lexicon.brands // [{ name: 'Sony', aliases: ['sony', '索尼'] }, …]
 */
export function buildShopLexicon(products: Product[], knowledge: ShopKnowledge = {}): ShopLexicon {
  const genericWords = new Set(GENERIC_CATEGORIES.flatMap((g) => g.words));
  const aliases = lendBuiltinBrands(withShopAliases(findBrandAliases(products, genericWords), knowledge.brands ?? []), genericWords);
  const brandWords = new Set([...aliases.values()].flat());
  const categories = withShopCategories(deriveCategoryWords(products, brandWords), knowledge.categories ?? [], brandWords);
  const productEntries: ProductEntry[] = products.map((p) => {
    const titles = titlesOf(p);
    const entry: ProductEntry = {
      id: p.id,
      category: p.category,
      titles,
      models: [...new Set(titles.flatMap(modelsOf))],
    };
    if (p.brand) entry.brand = p.brand;
    const keywords = [...new Set(Object.values(p.keywords ?? {}).flat().map(norm).filter(Boolean))];
    if (keywords.length > 0) entry.keywords = keywords;
    return entry;
  });
  return {
    brands: [...aliases].map(([name, a]) => ({ name, aliases: a })).sort((x, y) => x.name.localeCompare(y.name)),
    categories: [...categories].map(([slug, words]) => ({ slug, words })).sort((x, y) => x.slug.localeCompare(y.slug)),
    products: productEntries,
  };
}

/** Words the Chinese segmenter should keep whole: brand names, category words, model numbers, product keywords. */
export function lexiconWords(lexicon: ShopLexicon): string[] {
  const words = new Set<string>();
  for (const b of lexicon.brands) for (const a of b.aliases) words.add(a);
  for (const c of lexicon.categories) for (const w of c.words) words.add(w);
  for (const p of lexicon.products) for (const m of p.models) words.add(normalizeText(m));
  for (const p of lexicon.products) for (const k of p.keywords ?? []) words.add(k);
  // Only words with Han characters matter to jieba; Latin runs never reach it.
  return [...words].filter((w) => /\p{Script=Han}/u.test(w) && !/\s/.test(w)).sort();
}
