/**
 * @module nlp/lang/detect-locale
 * Guesses whether a text is Chinese or English by counting letters of each script.
 */
import type { Locale } from '../../core/shop';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The language with more letters: each Han character and each Latin letter counts one.
 * On a tie, or with no letters at all, 'zh' if there is any Han character, else 'en'.
 * @example detectLocale('我的订单 DD20261101008 到哪了') // 'zh'
 * @example detectLocale('where is my 订单') // 'en'
 */
export function detectLocale(text: string): Locale {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (han > latin) return 'zh';
  if (latin > han) return 'en';
  return han > 0 ? 'zh' : 'en';
}
