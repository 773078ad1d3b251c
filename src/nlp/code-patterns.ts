/**
 * @module nlp/code-patterns
 * Regular expressions for the "codes" pulled out of a text before word segmentation: order
 * numbers, e-mails, phone numbers, prices, model numbers. They run on normalised text (see
 * `normalizeText`: lower-case, half-width), so they need no case or width variants.
 */
import type { TokenTag } from './token-types';

/** One kind of code and how to find it. Earlier patterns win where matches overlap. */
export interface CodePattern {
  tag: TokenTag | undefined;
  regex: RegExp;
  /** Rejects a match that only looks like this code (e.g. `x2` is a quantity, not a model). */
  reject?: RegExp;
}

/** No Latin letter or digit directly before (Han characters and punctuation are fine). */
const B = '(?<![a-z0-9])';
/** No Latin letter or digit directly after. */
const E = '(?![a-z0-9])';
const AMOUNT = '\\d+(?:[.,]\\d+)?';
const CURRENCY_BEFORE = '(?:[¥$€£]|rmb|cny|usd)';
const CURRENCY_AFTER = '(?:元|块钱|块|人民币|美元|刀|rmb|yuan|cny|usd|dollars?|bucks)';

/** Patterns in priority order. Each must need an ASCII digit, or `@` (`findCodes` skips texts with neither). */
export const CODE_PATTERNS: readonly CodePattern[] = [
  { tag: 'email', regex: /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![a-z0-9])/gu },
  { tag: 'order_id', regex: new RegExp(`${B}[a-z]{2}\\d{8,}${E}`, 'gu') },
  {
    tag: 'phone',
    regex: new RegExp(
      [
        // Chinese mobile, optionally +86 / 0086, grouped 3-4-4 by spaces or dashes.
        '(?<![\\d+])(?:(?:\\+|00)?86[\\s-]?)?1[3-9]\\d(?:[\\s-]?\\d{4}){2}(?!\\d)',
        // International with a + prefix.
        '(?<![\\d+])\\+\\d{1,3}[\\s-]?\\(?\\d{1,4}\\)?(?:[\\s-]?\\d{2,4}){2,4}(?!\\d)',
        // Chinese landline 010-12345678, North American (555) 123-4567.
        '(?<!\\d)0\\d{2,3}-\\d{7,8}(?!\\d)',
        '(?<!\\d)\\(?\\d{3}\\)?[\\s-]\\d{3}-\\d{4}(?!\\d)',
      ].join('|'),
      'gu',
    ),
  },
  {
    tag: 'price',
    regex: new RegExp(
      [
        `${CURRENCY_BEFORE}\\s?${AMOUNT}(?:\\s?(?:k|千|万))?${E}`,
        `${B}${AMOUNT}\\s?(?:k|千|万)?\\s?${CURRENCY_AFTER}${E}`,
        `${B}${AMOUNT}k${E}`,
      ].join('|'),
      'gu',
    ),
  },
  {
    // Letters and digits mixed, dashes inside: wh-1000xm5, v12, rtx4090.
    tag: 'model',
    regex: new RegExp(`${B}(?=[a-z0-9-]*\\d)(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*${E}`, 'gu'),
    reject: /^(?:x\d{1,2}|\d{1,2}x|\d+(?:pcs?|st|nd|rd|th)|\d+-?(?:gb|tb|mb|kb|g|kg|mg|mah|w|kw|v|hz|ghz|mm|cm|m|km|ml|l|in|inch|p)|\d+-in-\d+)$/,
  },
  {
    // Quantities and sizes written as one word (x2, 2pcs, 128gb, 65w) are codes without a tag.
    tag: undefined,
    regex: new RegExp(`${B}(?=[a-z0-9-]*\\d)(?=[a-z0-9-]*[a-z])[a-z0-9]+${E}`, 'gu'),
  },
];
