/**
 * @module nlp/normalize
 * Length-preserving text normalisation: every UTF-16 code unit of the input maps to exactly one
 * code unit of the output, so an offset into the normalised text is the same offset into the
 * original. Full-width forms become half-width (NFKC), letters are lower-cased, curly quotes
 * become straight ones, and common traditional Chinese characters become simplified ones. A
 * character whose normal form would change length is kept as it is. Emoji and runs of repeated
 * punctuation keep their length here; the tokenizer reads them as single tokens.
 */
import { toSimplifiedChar } from './lang/zh/traditional-to-simplified';

/** Characters NFKC leaves alone but that should read the same as their ASCII twins. */
const EXTRA: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"',
  '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-', '\uff5e': '~', '\u301c': '~',
};

const cache = new Map<string, string>();
/** `normalizeChar` of single code units, by code unit. */
const units = new Map<number, string>();

const ASCII = /^[\x00-\x7f]*$/;

/** Normalises one code point (1 or 2 code units) without changing its length. */
function normalizeChar(ch: string): string {
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  let out = EXTRA[ch] ?? toSimplifiedChar(ch.normalize('NFKC'));
  if (out.length !== ch.length) out = ch;
  const lower = out.toLowerCase();
  if (lower.length === out.length) out = lower;
  if (cache.size < 20000) cache.set(ch, out);
  return out;
}

/**
 * Returns the text with full-width forms folded, letters lower-cased and traditional characters
 * simplified, of exactly the same length as the input.
 * @example normalizeText('ＤＤ２０２６ iPhone') // 'dd2026 iphone'
 * @example normalizeText('訂單號碼') // '订单号码'
 */
export function normalizeText(text: string): string {
  // Fast path: ASCII needs lower case only (the loop below makes the same string, 7 times slower on banking77 dev).
  if (ASCII.test(text)) return text.toLowerCase();
  // Code unit by code unit, the forms of single units cached by number: no string per
  // character is made or hashed to find them (cais dev: 0.46 → 0.27 µs per text).
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : text.charAt(i);
    } else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += normalizeChar(text.slice(i, i + 2));
      i++;
    } else {
      let unit = units.get(code);
      if (unit === undefined) {
        unit = normalizeChar(text.charAt(i));
        if (units.size < 20000) units.set(code, unit);
      }
      out += unit;
    }
  }
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
