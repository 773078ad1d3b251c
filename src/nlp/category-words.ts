/**
 * @module nlp/category-words
 * Derives the words that point to each catalogue category from the catalogue itself: the slug,
 * tags mostly used in that category, words common in its titles but rare elsewhere, and the
 * built-in generic words of matching kinds (only for categories the catalogue has).
 */
import type { Product } from '../core/shop';
import { normalizeText } from './normalize';
import { tokenize } from './tokenizer';
import { stemEn } from './lang/en/stemmer-en';
import { STOPWORDS_ZH } from './lang/zh/stopwords-zh';
import { STOPWORDS_EN } from './lang/en/stopwords-en';
import { GENERIC_CATEGORIES, slugNamesKind } from './generic-categories';
import { ATTRIBUTE_WORDS } from './attribute-words';
import type { GenericCategory } from './generic-categories';

/** Share of a word's uses that must fall in one category for the word to point to it. */
const SPECIFICITY = 0.8;
/** Share of a category's products whose titles must contain a word. */
const COVERAGE = 0.3;

function titleTexts(p: Product): string[] {
  return typeof p.title === 'string' ? [p.title] : Object.values(p.title);
}

/** Distinct candidate words of a product's titles (Han words of 2+ characters, Latin words of 3+ letters). */
function titleWords(p: Product, exclude: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const t of titleTexts(p)) {
    for (const tok of tokenize(t)) {
      const w = normalizeText(tok.text);
      if (tok.kind === 'han' ? w.length < 2 || STOPWORDS_ZH.has(w) : tok.kind !== 'word' || w.length < 3 || STOPWORDS_EN.has(tok.norm)) continue;
      if (!exclude.has(w)) words.add(w);
    }
  }
  return words;
}

function slugWords(slug: string): string[] {
  const phrase = normalizeText(slug).replace(/[-_]+/g, ' ').trim();
  const parts = phrase.split(' ');
  const last = parts[parts.length - 1] ?? '';
  return [...new Set([phrase, ...(last.length >= 3 ? [last] : [])])];
}

/** Does a generic kind of category apply to this catalogue category? */
function genericApplies(g: GenericCategory, slug: string, words: ReadonlySet<string>): boolean {
  if (slugNamesKind(g, slug)) return true;
  // Without a slug match, two of the category's own words must be the kind's words, not
  // counting words that also name other things (a stationery shop's notebooks are no laptops).
  return g.words.filter((w) => words.has(w) && !g.ambiguous?.includes(w)).length >= 2;
}

/** Counts, per word, how many items of each group contain it. */
function countBy(groups: Map<string, Set<string>[]>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const [slug, sets] of groups) {
    for (const set of sets) {
      for (const w of set) {
        const m = counts.get(w) ?? new Map<string, number>();
        m.set(slug, (m.get(slug) ?? 0) + 1);
        counts.set(w, m);
      }
    }
  }
  return counts;
}

function share(m: Map<string, number>, slug: string): number {
  let total = 0;
  for (const n of m.values()) total += n;
  return (m.get(slug) ?? 0) / total;
}

/**
 * Category slug → its words (normalised). A word claimed by two categories is kept only by the
 * category whose slug it is, or dropped.
 * @param exclude words that are never category words (brand aliases).
 */
export function deriveCategoryWords(products: Product[], exclude: ReadonlySet<string>): Map<string, string[]> {
  const bySlug = new Map<string, Product[]>();
  for (const p of products) bySlug.set(p.category, [...(bySlug.get(p.category) ?? []), p]);
  const tagCounts = countBy(new Map([...bySlug].map(([s, ps]) => [s, ps.map((p) => new Set((p.tags ?? []).map((t) => normalizeText(t).trim())))])));
  const titleCounts = countBy(new Map([...bySlug].map(([s, ps]) => [s, ps.map((p) => titleWords(p, exclude))])));

  const words = new Map<string, Set<string>>();
  const own = new Map<string, string>(); // slug word → its category
  for (const [slug, items] of bySlug) {
    const set = new Set<string>(slugWords(slug));
    for (const w of set) own.set(w, slug);
    for (const [tag, m] of tagCounts) if (m.has(slug) && share(m, slug) >= SPECIFICITY && !exclude.has(tag) && !ATTRIBUTE_WORDS.has(tag)) set.add(tag);
    const minDf = Math.max(2, Math.ceil(items.length * COVERAGE));
    for (const [w, m] of titleCounts) if ((m.get(slug) ?? 0) >= minDf && share(m, slug) >= SPECIFICITY && !ATTRIBUTE_WORDS.has(w)) set.add(w);
    for (const g of GENERIC_CATEGORIES) if (genericApplies(g, slug, set)) for (const w of g.words) set.add(w);
    words.set(slug, set);
  }
  const owners = new Map<string, number>();
  for (const set of words.values()) for (const w of set) owners.set(w, (owners.get(w) ?? 0) + 1);
  const result = new Map<string, string[]>();
  for (const [slug, set] of words) {
    result.set(slug, [...set].filter((w) => !exclude.has(w) && ((owners.get(w) ?? 0) === 1 || own.get(w) === slug)).sort());
  }
  return result;
}
