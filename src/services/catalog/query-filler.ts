/**
 * @module services/catalog/query-filler
 * Words that wrap a product name in a question but never name a product: English ("is the …
 * in stock", "tell me about the …", "do you have …") and Chinese ("请问…有货吗", "…怎么样").
 * They are dropped from the query before its character n-grams are taken: the compact form
 * joins words, so English filler would make grams of its own across word boundaries ("xiaomi
 * 14 in stock" → "14in", which a "14-inch" laptop shares) and pull the wrong product ahead, and
 * Chinese filler dilutes the name ("小米14有货吗" scored below the threshold).
 */

const FILLER = new Set(
  ('a an the this that these those it its is are was be do does did can could would will have has had got get ' +
    'i me my you your we our any some of in on at to for with about and or please pls tell know show give ' +
    'what which how there here still stock available availability instock')
    .split(/\s+/),
);

const WORD = /[a-z]+(?:'[a-z]+)?/gi;

/** Chinese filler, longest first so that 还有货吗 goes before 有货. */
const HAN_FILLER = new RegExp(
  ['我想问一下', '我想问下', '介绍一下', '还有货吗', '有没有货', '有货吗', '有货没', '还有吗', '怎么样', '多少钱', '介绍下', '请问', '你们', '有没有', '这款', '那款']
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

/**
 * The query without filler (names, digits and any other text are kept as they are).
 * @example dropFiller('is the Xiaomi 14 in stock').trim() // 'Xiaomi 14'
 * @example dropFiller('小米14有货吗') // '小米14 '
 */
export function dropFiller(query: string): string {
  return query.replace(WORD, (w) => (FILLER.has(w.toLowerCase()) ? ' ' : w)).replace(HAN_FILLER, ' ');
}
