/**
 * @module services/faq/semantic-features
 * The features meaning is matched on, independent of any segmenter: shop-synonym concepts (see
 * `shop-synonyms.ts`), Chinese characters and character bigrams (a wrong word split cannot lose
 * them), and English words with a light plural/tense trim. The learned term associations are keyed
 * on the same features, so the shipped file works with whatever analyzer a shop runs.
 */
import { canonicalize } from './shop-synonyms';

const CONCEPT = /⟦[a-z_]+⟧/g;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z][a-z']*/g;

/** Characters and words that carry no meaning for matching (particles, pronouns, filler). */
const STOP = new Set([
  ...'的了吗呢啊吧呀嘛哦哈么我你您们他她它这那是有在和就都也还要想请问下一个些么得着过把被给让对'.split(''),
  'i', 'you', 'we', 'my', 'your', 'our', 'me', 'is', 'are', 'am', 'a', 'an', 'the', 'it', 'to', 'of', 'for', 'do', 'does', 'did',
  'please', 'who', 'hi', 'hello', 'there', 'this', 'that', 'and', 'or', 'in', 'on', 'at', 'be', 'with', 'will', 'would', 'should',
  'if', 'so', 'any', 'have', 'has', 'get', 'can', 'what', 'how', 'when', "i'm", 'im', 'just', 'from', 'by', 'up', 'about',
]);

/** "parcels" → "parcel", "shipped" → "shipp", "arriving" → "arriv": enough to meet the other forms. */
function trim(word: string): string {
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * @example semanticFeatures('你们发啥快递') // ['⟦what⟧', '⟦carrier⟧', '发']
 */
export function semanticFeatures(text: string): string[] {
  const canon = canonicalize(text);
  const out: string[] = [...(canon.match(CONCEPT) ?? [])];
  const rest = canon.replace(CONCEPT, ' ');
  for (const run of rest.match(HAN_RUN) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => {
      if (!STOP.has(c)) out.push(c);
      if (i + 1 < chars.length && !STOP.has(c) && !STOP.has(chars[i + 1])) out.push(c + chars[i + 1]);
    });
  }
  for (const word of rest.match(LATIN_WORD) ?? []) if (!STOP.has(word)) out.push(trim(word));
  return out;
}
