/**
 * @module nlp/lang/en/stemmer-en
 * English stemming with natural's Porter stemmer. Only that module is required: the top-level
 * `natural` package pulls in ESM-only dependencies and reads `.env`.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porter = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };

const cache = new Map<string, string>();

/**
 * Stems a lower-case English word; possessive `'s` is dropped first.
 * @example stemEn('shipping') // 'ship'
 * @example stemEn("order's") // 'order'
 */
export function stemEn(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const base = word.endsWith("'s") ? word.slice(0, -2) : word;
  // Words with non-ASCII letters (café, naïve) or inner punctuation are kept as written.
  const stem = /^[a-z]+$/.test(base) && base.length > 2 ? porter.stem(base) : base;
  if (cache.size < 50000) cache.set(word, stem);
  return stem;
}
