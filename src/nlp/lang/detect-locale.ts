/**
 * @module nlp/lang/detect-locale
 * Guesses whether a text is Chinese or English by counting letters of each script.
 */
import type { Locale } from '../../core/shop';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The language with more letters: each Han character and each Latin letter counts one.
 * On a tie, or with no letters at all, 'zh' if there is any Han character, else 'en'.
 * @example detectLocale('我的订单 DD20261101008 到哪了') // 'zh'
 * @example detectLocale('where is my 订单') // 'en'
 */
export function detectLocale(text: string): Locale {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han++;
    else if (LATIN.test(ch)) latin++;
  }
  if (han > latin) return 'zh';
  if (latin > han) return 'en';
  return han > 0 ? 'zh' : 'en';
}
