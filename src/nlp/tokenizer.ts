/**
 * @module nlp/tokenizer
 * Mixed Chinese/English text → tokens with offsets into the original text. Codes (order numbers,
 * phones, e-mails, prices, model numbers) are pulled out first as single tokens; the rest is split
 * into script runs, and each run goes to the language stage of its script.
 */
import { normalizeText } from './normalize';
import { allMatches } from './all-matches';
import { CODE_PATTERNS } from './code-patterns';
import { STAGES, SCRIPT_LOCALE } from './lang/stages';
import type { Script } from './lang/stages';
import type { NluToken } from './token-types';

/**
 * Han run | number | letter run (letters, inner spaces, apostrophes, hyphens) | space | emoji
 * sequence (with skin tones, variation selectors and zero-width joiners) | a punctuation mark
 * and its repeats (`???`, `！！！`, `...`) | any other code point.
 */
const RUN =
  /(\p{Script=Han}+)|(\d+(?:[.,]\d+)*)|([^\P{L}\p{Script=Han}](?:(?:[^\P{L}\p{Script=Han}]|['\s-])*[^\P{L}\p{Script=Han}])?)|(\s+)|(\p{Extended_Pictographic}(?:[\u{fe0f}\u{1f3fb}-\u{1f3ff}]|\u{200d}\p{Extended_Pictographic})*)|(([\p{P}\p{S}])\7+)|(.)/gsu;

/** Variation selectors and joiners: an emoji token's `norm` drops them (❤️ reads as ❤). */
const EMOJI_NOISE = /[\u{fe0f}\u{200d}\u{1f3fb}-\u{1f3ff}]/gu;

interface Span {
  start: number;
  end: number;
}

/** Every code holds an ASCII digit, except e-mails, which hold `@`: most chat text has neither. */
const MAY_HOLD_CODE = /[\d@]/;

/** Finds the code tokens, earlier patterns first, never overlapping. */
function findCodes(original: string, norm: string): NluToken[] {
  if (!MAY_HOLD_CODE.test(norm)) return [];
  const claimed: Span[] = [];
  const tokens: NluToken[] = [];
  for (const pattern of CODE_PATTERNS) {
    for (const m of allMatches(pattern.regex, norm)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (pattern.reject?.test(m[0])) continue;
      if (claimed.some((s) => start < s.end && end > s.start)) continue;
      claimed.push({ start, end });
      const token: NluToken = { text: original.slice(start, end), norm: pattern.tag === 'phone' ? m[0].replace(/\D/g, '') : m[0].replace(/\s+/g, ''), start, end, kind: 'code' };
      if (pattern.tag) token.tag = pattern.tag;
      tokens.push(token);
    }
  }
  return tokens.sort((a, b) => a.start - b.start);
}

/** Tokenises the text between codes. */
function tokenizeGap(original: string, norm: string, start: number, end: number, out: NluToken[]): void {
  RUN.lastIndex = start;
  const gap = norm.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(gap)) !== null && m.index < end) {
    const from = m.index;
    const to = from + m[0].length;
    const script: Script | undefined = m[1] ? 'han' : m[3] ? 'letters' : undefined;
    if (script) {
      for (const t of STAGES[SCRIPT_LOCALE[script]].tokenize(original, norm, from, to)) out.push(t);
    } else if (m[2]) {
      out.push({ text: original.slice(from, to), norm: m[2].replace(/,/g, ''), start: from, end: to, kind: 'number', tag: 'number' });
    } else if (m[5]) {
      out.push({ text: original.slice(from, to), norm: m[5].replace(EMOJI_NOISE, '') || m[5], start: from, end: to, kind: 'punct' });
    } else if (m[6]) {
      // A run of one mark is one token, `norm` the mark once: "???" reads as "?".
      out.push({ text: original.slice(from, to), norm: m[7] as string, start: from, end: to, kind: 'punct' });
    } else if (m[8]) {
      out.push({ text: original.slice(from, to), norm: m[8], start: from, end: to, kind: 'punct' });
    }
  }
}

/** A message read once: its normalised twin (same length) and its tokens, for everything the chat path derives from it. */
export interface TokenizedText {
  norm: string;
  tokens: NluToken[];
}

/**
 * `tokenize`, keeping the normalised text it was made from (entities and anger read it too).
 * @example tokenizeText('ＤＤ1 到了吗').norm // 'dd1 到了吗'
 */
export function tokenizeText(text: string): TokenizedText {
  const norm = normalizeText(text);
  const codes = findCodes(text, norm);
  const tokens: NluToken[] = [];
  let pos = 0;
  for (const code of codes) {
    if (code.start > pos) tokenizeGap(text, norm, pos, code.start, tokens);
    tokens.push(code);
    pos = code.end;
  }
  if (pos < norm.length) tokenizeGap(text, norm, pos, norm.length, tokens);
  return { norm, tokens };
}

/**
 * Splits mixed text into tokens; `start`/`end` index the original text.
 * @example tokenize('查订单DD20261101008') // [{text:'查',…}, {text:'订单',…}, {text:'DD20261101008', tag:'order_id', kind:'code',…}]
 */
export function tokenize(text: string): NluToken[] {
  return tokenizeText(text).tokens;
}
