/**
 * @module bot/sticky-locale
 * A message with no language of its own (digits, an e-mail, an order number, "ok") is answered
 * in the conversation's language, so a Chinese conversation does not switch to English when the
 * shopper replies "8000" to the verification question.
 */
import type { Locale } from '../core/shop';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CODE = /[A-Za-z]{1,4}[-_]?\d[\w-]*/g;
const URL = /https?:\/\/\S+/g;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
/** At most this many Latin letters ("ok", "yes", "thx") say nothing about the language. */
const TOO_FEW_LETTERS = 3;

export function stickyLocale(text: string, conversationLocale: Locale | null): Locale | undefined {
  if (!conversationLocale) return undefined;
  const rest = text.replace(URL, ' ').replace(EMAIL, ' ').replace(CODE, ' ');
  const han = rest.match(HAN)?.length ?? 0;
  const latin = rest.match(LATIN)?.length ?? 0;
  return han === 0 && latin <= TOO_FEW_LETTERS ? conversationLocale : undefined;
}
