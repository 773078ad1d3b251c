/**
 * @module nlp/brand-aliases
 * Finds the other-language name of each brand in the product titles: a Latin-named brand's
 * Chinese name (Sony → 索尼) and a Chinese-named brand's Latin name (华为 → huawei). Titles
 * usually open with the brand, so the candidate is the start of the titles that do not contain
 * the catalogue spelling (typically the other language's title of a product).
 */
import type { Product } from '../core/shop';
import { normalizeText } from './normalize';
import { jiebaCut } from './lang/zh/jieba';
import { ATTRIBUTE_WORDS } from './attribute-words';

const HAN_RUN = /^\p{Script=Han}+/u;
const LATIN_WORD = /^[a-z][a-z'-]*[a-z]/;
const HAS_HAN = /\p{Script=Han}/u;

function titles(product: Product): string[] {
  const t = product.title;
  return (typeof t === 'string' ? [t] : Object.values(t)).map((s) => normalizeText(s).trim());
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Han candidate: the common start of the leading Han runs, or the first jieba word if alone. */
function hanCandidate(runs: string[]): string | undefined {
  if (runs.length === 0) return undefined;
  if (runs.length === 1) {
    const first = jiebaCut(runs[0] as string)[0] ?? '';
    return first.length >= 2 && first.length <= 5 ? first : undefined;
  }
  const prefix = commonPrefix(runs);
  return prefix.length >= 2 && prefix.length <= 6 ? prefix : undefined;
}

/** The start of each product's titles that lack the brand's own name, one list per product. */
function foreignStarts(items: Product[], name: string, pick: (title: string) => string | undefined): string[] {
  const starts: string[] = [];
  for (const p of items) {
    const found = titles(p).filter((t) => !t.includes(name)).map(pick).find((s) => s !== undefined);
    if (found) starts.push(found);
  }
  return starts;
}

/** Does the tag contain one of the words (降噪耳机 contains 耳机; wireless earbuds contains earbud)? */
function mentionsAny(tag: string, words: ReadonlySet<string>): boolean {
  for (const w of words) {
    if (/\p{Script=Han}/u.test(w) ? tag.includes(w) : new RegExp(`(?<![a-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(tag)) return true;
  }
  return false;
}

/** Share of a brand's products that must carry a tag for the tag to name the brand. */
const TAG_COVERAGE = 0.8;

/**
 * Tags that name a brand: carried by most of the brand's products (two at least) and by no
 * product of another brand (`苹果` on every Apple product, `耐克` on every Nike product), for
 * brands whose categories other brands sell too.
 */
function tagAliases(byBrand: Map<string, Product[]>, exclude: ReadonlySet<string>): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  const counts = new Map<string, Map<string, number>>();
  for (const [brand, items] of byBrand) {
    for (const p of items) {
      // A Latin tag names a brand only when the catalogue writes it as a name, capitalised
      // ("CITIC Press", "QuietComfort"); "building blocks" and "kids gift" describe products.
      const named = (p.tags ?? []).filter((t) => HAS_HAN.test(t) || /\p{Lu}/u.test(t));
      for (const tag of new Set(named.map((t) => normalizeText(t).trim()))) {
        owners.set(tag, (owners.get(tag) ?? new Set()).add(brand));
        const c = counts.get(brand) ?? new Map<string, number>();
        c.set(tag, (c.get(tag) ?? 0) + 1);
        counts.set(brand, c);
      }
    }
  }
  // "Only this brand carries it" says something only where other brands sell the same things.
  const brandsIn = new Map<string, Set<string>>();
  for (const [brand, items] of byBrand) for (const p of items) brandsIn.set(p.category, (brandsIn.get(p.category) ?? new Set()).add(brand));
  const result = new Map<string, string[]>();
  for (const [brand, items] of byBrand) {
    if (items.some((p) => (brandsIn.get(p.category)?.size ?? 0) < 2)) continue;
    const need = Math.max(2, Math.ceil(items.length * TAG_COVERAGE));
    const tags = [...(counts.get(brand) ?? [])].filter(
      ([tag, n]) => n >= need && owners.get(tag)?.size === 1 && tag.length >= 2 && !mentionsAny(tag, exclude) && !ATTRIBUTE_WORDS.has(tag),
    );
    result.set(brand, tags.map(([tag]) => tag));
  }
  return result;
}

/**
 * Aliases per brand (normalised): the catalogue spelling; the other-script name that opens at
 * least half of the brand's products' other-language titles and occurs in no other brand's titles;
 * and tags that only this brand's products carry, on most of them.
 * @param exclude words that must never become an alias (category words).
 */
export function findBrandAliases(products: Product[], exclude: ReadonlySet<string>): Map<string, string[]> {
  const byBrand = new Map<string, Product[]>();
  for (const p of products) if (p.brand) byBrand.set(p.brand, [...(byBrand.get(p.brand) ?? []), p]);
  const found = new Map<string, string>();
  for (const [brand, items] of byBrand) {
    const name = normalizeText(brand).trim();
    // Only where the titles name the brand is the other title's opening likely its translation
    // (a publisher's books open with their own names: "Sapiens", "哈利·波特").
    if (!items.some((p) => titles(p).some((t) => t.includes(name)))) continue;
    const latinBrand = !HAS_HAN.test(name);
    const starts = foreignStarts(items, name, (t) => (latinBrand ? HAN_RUN : LATIN_WORD).exec(t)?.[0]);
    if (starts.length * 2 < items.length) continue;
    let candidate: string | undefined;
    if (latinBrand) candidate = hanCandidate(starts);
    else {
      const counts = new Map<string, number>();
      for (const w of starts) counts.set(w, (counts.get(w) ?? 0) + 1);
      const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      if (n * 2 >= items.length && best.length >= 2) candidate = best;
    }
    if (candidate && !exclude.has(candidate)) found.set(brand, candidate);
  }
  // A name that also occurs in another brand's titles is a product word, not this brand.
  const otherTitles = (brand: string): string[] =>
    products.filter((p) => p.brand !== brand).flatMap(titles);
  const fromTags = tagAliases(byBrand, exclude);
  const result = new Map<string, string[]>();
  for (const brand of byBrand.keys()) {
    const name = normalizeText(brand).trim();
    const alias = found.get(brand);
    const ok = alias !== undefined && !otherTitles(brand).some((t) => t.includes(alias)) ? [alias] : [];
    const names = [name, ...name.split(/\s*[/|]\s*/).filter((s) => s.length > 1), ...ok, ...(fromTags.get(brand) ?? [])];
    // Shoppers rarely type accents: Lancôme is also lancome.
    const folded = names.map((n) => n.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC'));
    result.set(brand, [...new Set([...names, ...folded])]);
  }
  return result;
}
