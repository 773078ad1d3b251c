/**
 * @module privacy/cut-quote
 * Shortening a quote of the shopper's words (a handoff reason) for storage and display: a quote
 * longer than the limit ends at its last space or punctuation mark within the limit, with "…",
 * never in the middle of a word, a number or a mask such as `[电话]`. A cut through a phone number
 * or an e-mail would leave a piece the redaction no longer recognises ("138 0013", "li.na@exam"),
 * so redact the whole text first and cut it afterwards (`redact` then `cutQuote`).
 */

/** How many characters of the shopper's words a handoff reason keeps. */
export const QUOTE_LIMIT = 200;

/** Everything up to the last space or punctuation mark (Chinese and Western). */
const UP_TO_LAST_BREAK = /^[\s\S]*[\s,.;:!?，。；：！？、]/;
/** A mask (`[电话]`, `[phone]`…) the cut would open without closing. */
const OPEN_MASK = /\[[^\]]*$/;

/**
 * Text that was cut somewhere unknown, ended at its last space or punctuation mark (empty when
 * it has none).
 * @example endAtBreak('call me at 138 0013') // 'call me at 138'
 */
export function endAtBreak(text: string): string {
  return (UP_TO_LAST_BREAK.exec(text)?.[0] ?? '').trimEnd();
}

/**
 * The quote as is when it has at most `limit` characters; else up to its last break within the
 * limit, with "…" (a text without any break within the limit is cut at the limit, before an open mask).
 * @example cutQuote('my phone is [phone], please call me back tomorrow', 30) // 'my phone is [phone], please…'
 */
export function cutQuote(text: string, limit = QUOTE_LIMIT): string {
  if ([...text].length <= limit) return text;
  const head = [...text].slice(0, limit).join('');
  const cut = endAtBreak(head) || head.replace(OPEN_MASK, '').trimEnd();
  return `${cut}…`;
}
