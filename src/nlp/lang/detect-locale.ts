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
/** English grammar words: a sentence built with them is English whatever names it holds ("anything from 布鲁姆斯伯里?"). */
const ENGLISH_GRAMMAR = /\b(?:about|also|an|and|any|anything|are|below|but|can|cheaper|do|does|else|for|from|have|has|how|in|is|it|just|less|me|more|my|not|of|on|one|only|or|other|over|please|same|show|some|than|that|the|then|this|to|too|under|want|what|which|with|you|your)\b/i;
/** Chinese grammar characters: a sentence built with them is Chinese whatever English words it holds (有没有stationery推荐). */
const CHINESE_GRAMMAR = /[的了吗呢吧啊我你有没要是个这那哪么怎在和也不还就都给帮想]/u;

/**
 * The Latin side of mixed text, in Han characters: each word that is not a name weighs as much as
 * its letters, at most two (a Chinese word is one or two characters).
 */
function latinWeight(text: string): number {
  let weight = 0;
  for (const [word] of text.matchAll(LATIN_WORD)) {
    if (!NAME_LIKE.test(word)) weight += Math.min(word.replace(/-/g, '').length, HAN_PER_WORD);
  }
  return weight;
}

/** Mixed text: the language whose grammar words it uses, when only one's; else the weights. */
function mixedLocale(text: string, han: number): Locale {
  const english = ENGLISH_GRAMMAR.test(text);
  const chinese = CHINESE_GRAMMAR.test(text);
  if (english !== chinese) return english ? 'en' : 'zh';
  return han >= latinWeight(text) ? 'zh' : 'en';
}

/**
 * The language with more letters: each Han character and each Latin letter counts one.
 * Text with both scripts is read by its grammar words when it has only one language's (那toys呢,
 * 有没有stationery推荐 are Chinese; "and 玩具?", "anything from 布鲁姆斯伯里?" English); otherwise Latin
 * words weigh as words (at most two characters each) and names (a capital or a digit) not at all.
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
  if (han > 0 && latin > 0) return mixedLocale(text, han);
  if (han > latin) return 'zh';
  if (latin > han) return 'en';
  return han > 0 ? 'zh' : 'en';
}
