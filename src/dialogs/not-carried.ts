/**
 * @module dialogs/not-carried
 * Notices a request for a kind of product the shop does not sell at all ("推荐一款手机" in a
 * bookshop), so the bot says so instead of recommending coffee as a phone.
 */
import { GENERIC_CATEGORIES } from '../nlp/generic-categories';
import type { ShopLexicon } from '../nlp/lexicon-types';

export type NotCarriedDetector = (text: string) => string | undefined;

const HAN = /\p{Script=Han}/u;

export function createNotCarriedDetector(lexicon: ShopLexicon): NotCarriedDetector {
  const carried = new Set(lexicon.categories.flatMap((c) => c.words.map((w) => w.toLowerCase())));
  const sold = (words: readonly string[]): boolean => words.some((w) => carried.has(w.toLowerCase()));
  // Single Han characters (包, 书, 锅) hide inside other words (包邮, 书包): only longer words count.
  const candidates = GENERIC_CATEGORIES.filter((g) => !sold(g.words))
    .flatMap((g) => g.words)
    .filter((w) => (HAN.test(w) ? w.length >= 2 : w.length >= 3));
  const patterns = candidates.map((w) => ({
    word: w,
    re: HAN.test(w) ? new RegExp(w) : new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'i'),
  }));
  return (text) => patterns.find((p) => p.re.test(text))?.word;
}
