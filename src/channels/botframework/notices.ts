/**
 * @module channels/botframework/notices
 * What the channel itself says when a message does not reach the bot (`dialogs/channel.json`):
 * in the shopper's language, or in every language when the activity names none. These are not
 * stored (no turn ran).
 */
import type { Locale } from '../../core/shop';
import type { Responses } from '../../domain/responses';

export type NoticeKey = 'textOnly' | 'tooLong' | 'privateOnly' | 'notSaved';

/** The notice in the shopper's language, or in every language, one after the other, when it is not known. */
export function noticeText(responses: Responses, key: NoticeKey, locale: Locale | null, vars: Record<string, string | number> = {}): string {
  if (locale) return responses.text(locale, `channel.${key}`, vars);
  return Object.values(responses.everyLocale(`channel.${key}`, vars)).join(' ');
}
