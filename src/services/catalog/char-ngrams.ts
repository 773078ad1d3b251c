/**
 * @module services/catalog/char-ngrams
 * Character n-grams of a "compact" form of a name: full-width folded (NFKC), lower-cased, with
 * spaces, dashes and punctuation removed, so "WH-1000XM5", "wh 1000 xm5" and "ｗｈ１０００ｘｍ５"
 * are all "wh1000xm5". Overlapping grams survive typos and partial names in any script.
 */

/** @example compact('Sony WH-1000XM5') // 'sonywh1000xm5' */
export function compact(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]/gu, '');
}

/**
 * The set of n-grams (for each size) of the compact text; a text shorter than the smallest size
 * yields itself.
 * @example charNgrams('Pro 2', [2, 3]) // Set {'pr', 'ro', 'o2', 'pro', 'ro2'}
 */
export function charNgrams(text: string, sizes: readonly number[] = [2, 3]): Set<string> {
  const chars = [...compact(text)];
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length < Math.min(...sizes)) out.add(chars.join(''));
  for (const n of sizes) {
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  }
  return out;
}
