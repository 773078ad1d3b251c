/**
 * @module nlp/lexicon
 * Builds the shop lexicon from a catalogue: brands with their aliases, categories with their
 * words, products with their titles and model numbers. Nothing about a particular shop is built
 * in; the generic category words only serve categories the catalogue has.
 */
import type { Product } from '../core/shop';
import type { ShopLexicon, ProductEntry } from './lexicon-types';
import { normalizeText } from './normalize';
import { tokenize } from './tokenizer';
import { findBrandAliases } from './brand-aliases';
import { deriveCategoryWords } from './category-words';
import { GENERIC_CATEGORIES } from './generic-categories';

function titlesOf(p: Product): string[] {
  return typeof p.title === 'string' ? [p.title] : Object.values(p.title);
}

/** Model numbers in a title, as written (`WH-1000XM5`, `V12`). */
function modelsOf(title: string): string[] {
  return tokenize(title).filter((t) => t.tag === 'model').map((t) => t.text.trim());
}

/**
 * @example
 * const lexicon = buildShopLexicon(products);
 * lexicon.brands // [{ name: 'Sony', aliases: ['sony', '索尼'] }, …]
 */
export function buildShopLexicon(products: Product[]): ShopLexicon {
  const genericWords = new Set(GENERIC_CATEGORIES.flatMap((g) => g.words));
  const aliases = findBrandAliases(products, genericWords);
  const brandWords = new Set([...aliases.values()].flat());
  const categories = deriveCategoryWords(products, brandWords);
  const productEntries: ProductEntry[] = products.map((p) => {
    const titles = titlesOf(p);
    const entry: ProductEntry = {
      id: p.id,
      category: p.category,
      titles,
      models: [...new Set(titles.flatMap(modelsOf))],
    };
    if (p.brand) entry.brand = p.brand;
    return entry;
  });
  return {
    brands: [...aliases].map(([name, a]) => ({ name, aliases: a })).sort((x, y) => x.name.localeCompare(y.name)),
    categories: [...categories].map(([slug, words]) => ({ slug, words })).sort((x, y) => x.slug.localeCompare(y.slug)),
    products: productEntries,
  };
}

/** Words the Chinese segmenter should keep whole: brand names, category words, model numbers. */
export function lexiconWords(lexicon: ShopLexicon): string[] {
  const words = new Set<string>();
  for (const b of lexicon.brands) for (const a of b.aliases) words.add(a);
  for (const c of lexicon.categories) for (const w of c.words) words.add(w);
  for (const p of lexicon.products) for (const m of p.models) words.add(normalizeText(m));
  // Only words with Han characters matter to jieba; Latin runs never reach it.
  return [...words].filter((w) => /\p{Script=Han}/u.test(w) && !/\s/.test(w)).sort();
}
