/**
 * @module nlp/classifier/feature-hash
 * 32-bit FNV-1a over UTF-16 code units, as a signed integer. Stable across runs and platforms
 * (no seed), so models store feature hashes instead of feature strings. Hashing continues from a
 * previous value, so `'w:' + word` is hashed without building the string.
 */

/** The FNV-1a offset basis, as a signed 32-bit integer. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Hash after one more code unit. */
export function hashUnit(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Hash after the code units `s[from, to)`. */
export function hashMore(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The hash of a feature string; `featureHashes` yields exactly these for `extractFeatures`.
 * @example hashFeature('w:订单') === hashMore(hashMore(FNV_OFFSET, 'w:'), '订单')
 */
export function hashFeature(feature: string): number {
  return hashMore(FNV_OFFSET, feature);
}
