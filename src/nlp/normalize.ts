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
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x80 ? (code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : ch) : normalizeChar(ch);
  }
  return out;
}
