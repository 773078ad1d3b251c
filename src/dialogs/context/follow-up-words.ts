/**
 * @module dialogs/context/follow-up-words
 * The words that tie a message to the previous turn (`follow-up-words.json`: ordinals, pronouns,
 * follow-up cues, "in stock", order words), as matchers. Both languages' words are tried on every
 * message, so a mixed one ("第二个 any good?") is read too. English words match whole words only.
 */
import data from './follow-up-words.json';

type WordLists = { zh: readonly string[]; en: readonly string[] };

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regex for both languages' words: Chinese as substrings, English as whole words. */
export function wordPattern(lists: WordLists): RegExp {
  const zh = lists.zh.map(escape);
  const en = lists.en.map((w) => `\\b${escape(w).replace(/ /g, '\\s+')}\\b`);
  // Longest first, so "this order" wins over "this".
  const all = [...zh, ...en].sort((a, b) => b.length - a.length);
  return new RegExp(`(${all.join('|')})`, 'i');
}

export const PRONOUN = wordPattern(data.pronouns);
export const FOLLOW_UP_CUE = wordPattern(data.followUpCues);
export const IN_STOCK = wordPattern(data.inStock);
export const ORDER_WORD = wordPattern(data.orderWords);

const ORDINALS: [number, RegExp][] = Object.keys(data.ordinals.zh).map((n) => {
  const key = n as keyof typeof data.ordinals.zh;
  return [Number(n), wordPattern({ zh: data.ordinals.zh[key], en: data.ordinals.en[key] })];
});

/**
 * The position a message points at: 1-based, or -1 for "the last one"; undefined without one.
 * @example ordinalIn('第二个拍照咋样') // 2
 */
export function ordinalIn(text: string): number | undefined {
  return ORDINALS.find(([, pattern]) => pattern.test(text))?.[0];
}
