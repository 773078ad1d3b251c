/**
 * @module chat/notice-text
 * A notice the chat service writes itself, in the shopper's language, or in every language the
 * dialogs hold when it is not known yet (a refused handshake, a conversation never told its
 * language).
 */
import type { Locale } from '../core/shop';
import type { Responses } from '../domain/responses';

/** @example noticeText(responses, null, 'chat.notSaved') // '抱歉，… Sorry, …' */
export function noticeText(responses: Responses, locale: Locale | null, key: string): string {
  return locale ? responses.text(locale, key) : responses.locales().map((l) => responses.text(l, key)).join(' ');
}
