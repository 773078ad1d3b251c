/**
 * @module privacy/verification-digits
 * Which digits of a message are its answer to the verification question (the last four digits of
 * the order's phone). The order flow checks them, and the redaction masks at least them, so both
 * read the same rule from here:
 * - one four-digit group on its own (not glued to letters or other digits, so not inside order
 *   DD20261101008 or a longer number, and not a year or a price: 2025年, ¥1999, 1999元) is the
 *   answer: "last 4 digits: 7788", "还是8000", "DD20261101008 8000";
 * - with no such group, all the digits of the message when there are exactly four: "8-0-0-0",
 *   "80 00", "its5678";
 * - anything else (two groups, "1234 or 5678") is no answer: one message is one guess.
 */

/** A four-digit group on its own; a currency before it or a year/price unit after it is captured. */
export const FOUR_ALONE = /(?<![A-Za-z0-9])([¥￥$]\s*)?\d{4}(?!\d)(\s*(?:年|元|块|(?:yuan|rmb|usd|dollars?)\b))?/gi;

/** The four-digit groups that can be an answer (not years or prices). */
function groups(text: string): string[] {
  return [...text.matchAll(FOUR_ALONE)].filter((m) => !m[1] && !m[2]).map((m) => m[0]);
}

/**
 * The four digits a message gives as its verification answer, if it gives one.
 * @example answerDigits('last 4 digits: 7788') // '7788'
 * @example answerDigits('1234 or 5678') // undefined
 */
export function answerDigits(text: string): string | undefined {
  const found = groups(text);
  if (found.length === 1) return found[0];
  if (found.length > 1) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length === 4 ? digits : undefined;
}

/**
 * Whether reading the message as a verification answer would mask anything: a lone four-digit
 * group, or exactly four digits. Order numbers alone ("DD20261101008") do not.
 * @example mayHoldAnswer('DD20261101008') // false
 */
export function mayHoldAnswer(text: string): boolean {
  return groups(text).length > 0 || text.replace(/\D/g, '').length === 4;
}
