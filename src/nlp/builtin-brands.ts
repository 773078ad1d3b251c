/**
 * @module nlp/builtin-brands
 * The built-in bilingual brand names (`lexicon-data/brands.json`: 华为/Huawei, 小米/Xiaomi/Redmi,
 * 雅诗兰黛/Estée Lauder…), lent to the shop's own brands: a shop whose catalogue spells a brand
 * "HUAWEI" understands 华为 and huawei too. A brand the catalogue does not carry is never found,
 * and a name that would point to two of the shop's brands (Xiaomi and Redmi both sold) is lent to
 * neither.
 */
import data from './lexicon-data/brands.json';
import { normalizeText } from './normalize';

/** Lower-case, half-width, without accents (shoppers rarely type them). */
export function foldName(name: string): string {
  return normalizeText(name).trim().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** Each built-in brand's names, folded. */
const BUILTIN: readonly string[][] = (data.brands as { zh: string[]; en: string[] }[]).map((b) => [
  ...new Set([...b.zh, ...b.en].flatMap((n) => [normalizeText(n).trim(), foldName(n)])),
]);

/**
 * Adds the built-in names of each shop brand to its aliases.
 * @param aliases shop brand → aliases found in the catalogue (normalised)
 * @param exclude words that must never become a brand alias (category words)
 * @example lendBuiltinBrands(new Map([['HUAWEI', ['huawei']]]), new Set()) // HUAWEI → huawei, 华为
 */
export function lendBuiltinBrands(aliases: ReadonlyMap<string, string[]>, exclude: ReadonlySet<string>): Map<string, string[]> {
  const own = new Map<string, string>();
  for (const [brand, names] of aliases) for (const n of names) own.set(foldName(n), brand);
  const lent = new Map<string, Set<string>>(); // built-in name → shop brands it would point to
  for (const [brand, names] of aliases) {
    const folded = new Set(names.map(foldName));
    for (const entry of BUILTIN) {
      if (!entry.some((n) => folded.has(n))) continue;
      for (const n of entry) lent.set(n, (lent.get(n) ?? new Set()).add(brand));
    }
  }
  const result = new Map<string, string[]>();
  for (const [brand, names] of aliases) {
    const extra = [...lent]
      .filter(([n, owners]) => owners.size === 1 && owners.has(brand) && (own.get(n) ?? brand) === brand && !exclude.has(n))
      .map(([n]) => n);
    result.set(brand, [...new Set([...names, ...extra])]);
  }
  return result;
}
