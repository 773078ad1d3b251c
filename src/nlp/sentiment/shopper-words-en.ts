/**
 * @module nlp/sentiment/shopper-words-en
 * English shopping words AFINN lacks or rates for another domain, on AFINN's −5…+5 scale
 * (kefu's own list). They override AFINN: a parcel that is `late` or `stuck` is bad news in a
 * shop, and `broken` (−1 in AFINN) is worse than that.
 */
export const SHOPPER_WORDS_EN: Readonly<Record<string, number>> = {
  late: -2, delayed: -2, stuck: -2, slow: -2, broken: -3, broke: -2, faulty: -3, flimsy: -2, junk: -3, trash: -3,
  garbage: -3, ripoff: -4, 'rip-off': -4, 'rip off': -4, overpriced: -2, counterfeit: -3, knockoff: -2, leaking: -2, leaks: -2,
  cracked: -2, scratched: -2, torn: -2, stained: -2, dented: -2, 'never arrived': -3, 'never came': -3, 'never received': -3,
  'not received': -2, 'still waiting': -2, 'stopped working': -3, 'not as described': -3, 'waste of money': -4, 'falls apart': -3,
  'fell apart': -3, refund: 0, return: 0, cheap: 0, works: 1, 'works great': 3, 'works well': 3, 'works fine': 2,
  fast: 1, quick: 1, quickly: 1, sturdy: 2, 'well made': 3, 'as described': 2, 'on time': 2, 'good value': 3, 'arrived early': 2,
  'money back': -2, 'want my money back': -3, 'want a refund': -1, ok: 1, okay: 1, 'five stars': 3, 'one star': -3, 'zero stars': -4,
};
