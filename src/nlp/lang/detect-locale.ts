/**
 * @module nlp/lang/detect-locale
 * Guesses whether a text is Chinese or English by counting letters of each script.
 */
import type { Locale } from '../../core/shop';

const HAN = /^\p{Script=Han}$/u;
const LATIN = /^\p{Script=Latin}$/u;

/** Script of a non-ASCII code point (1 Han, 2 Latin, 0 other), cached: chat uses few characters. */
const scripts = new Map<number, number>();

function scriptOf(cp: number): number {
  let s = scripts.get(cp);
  if (s === undefined) {
    const ch = String.fromCodePoint(cp);
    s = HAN.test(ch) ? 1 : LATIN.test(ch) ? 2 : 0;
    if (scripts.size < 20000) scripts.set(cp, s);
  }
  return s;
}

/** A Latin word with a capital or a digit in it: a name or a model (Bialetti, iPhone, WH-1000XM5). */
const LATIN_WORD = /[\p{Script=Latin}\d-]+/gu;
const NAME_LIKE = /[\p{Lu}\d]/u;
/** What one Latin word weighs against Han characters in mixed text: about two characters a word. */
const HAN_PER_WORD = 2;

/**
 * The Latin side of mixed text, in Han characters: each word that is not a name weighs as much as
 * its letters, at most two (a Chinese word is one or two characters). Letter counts would let one
 * long English word outweigh a Chinese sentence (有没有100元以内的stationery推荐).
 */
function latinWeight(text: string): number {
  let weight = 0;
  for (const [word] of text.matchAll(LATIN_WORD)) {
    if (!NAME_LIKE.test(word)) weight += Math.min(word.replace(/-/g, '').length, HAN_PER_WORD);
  }
  return weight;
}

/**
 * The language with more letters: each Han character and each Latin letter counts one.
 * In text with both scripts, Latin words count as words (at most two characters each), and names
 * (a capital or a digit in them) not at all: 那Bialetti的摩卡壶呢 and 有没有stationery推荐 are
 * Chinese, "any 华为 earbuds" English.
 * On a tie, or with no letters at all, 'zh' if there is any Han character, else 'en'.
 * @example detectLocale('我的订单 DD20261101008 到哪了') // 'zh'
 * @example detectLocale('where is my 订单') // 'en'
 */
export function detectLocale(text: string): Locale {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      // ASCII letters without a regex: most chat text is all ASCII or Han.
      if ((code | 32) >= 97 && (code | 32) <= 122) latin++;
      continue;
    }
    const cp = text.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const s = scriptOf(cp);
    if (s === 1) han++;
    else if (s === 2) latin++;
  }
  if (han > 0 && latin > 0) latin = latinWeight(text);
  if (han > latin) return 'zh';
  if (latin > han) return 'en';
  return han > 0 ? 'zh' : 'en';
}
