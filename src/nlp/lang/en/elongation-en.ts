/**
 * @module nlp/lang/en/elongation-en
 * Chat stretches words for feeling (`pleeease`, `sooo`, `helllo`, `goood`). No English word has a
 * letter three times in a row, so such a run is a stretch: it shrinks to one letter, or to two
 * when that spells one of the common words with a double letter (`goood` → `good`, `sooon` → `soon`).
 */

/** Common words with a double letter that chat stretches. */
const DOUBLED: ReadonlySet<string> = new Set([
  'good', 'too', 'soon', 'cool', 'need', 'see', 'feel', 'free', 'all', 'well', 'will', 'still', 'full', 'sorry', 'happy',
  'off', 'stuff', 'staff', 'book', 'look', 'took', 'food', 'keep', 'sweet', 'week', 'hello', 'hell', 'call', 'tell',
  'really', 'pretty', 'little', 'address', 'hmm', 'yummy', 'funny', 'silly', 'mmm', 'baby', 'boo', 'wee', 'agree',
]);

const STRETCH = /([a-z])\1{2,}/g;
const HAS_STRETCH = /([a-z])\1\1/;

/**
 * The word without its stretches; a word without one is returned as it is.
 * @example unstretchEn('pleeease') // 'please'
 * @example unstretchEn('goooood') // 'good'
 */
export function unstretchEn(word: string): string {
  if (!HAS_STRETCH.test(word)) return word;
  const two = word.replace(STRETCH, '$1$1');
  return DOUBLED.has(two) ? two : word.replace(STRETCH, '$1');
}
