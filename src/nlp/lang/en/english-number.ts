/**
 * @module nlp/lang/en/english-number
 * Small English number words (one … twenty, couple, dozen) for quantities.
 */

const WORDS: Readonly<Record<string, number>> = {
  one: 1, single: 1, two: 2, couple: 2, pair: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, dozen: 12, fifteen: 15, twenty: 20,
};

/** Regex source matching one of the words. */
export const EN_NUMBER_WORDS = Object.keys(WORDS).sort((a, b) => b.length - a.length).join('|');

/** @example parseEnglishNumber('two') // 2 */
export function parseEnglishNumber(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  return WORDS[word.replace(/^an?\s+/, '').trim()];
}
