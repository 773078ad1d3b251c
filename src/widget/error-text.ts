/**
 * @module widget/error-text
 * What the shopper reads for a refused request: the server's own message first (it knows
 * best), else a localised text for the protocol's error code.
 */
import type { ErrorBody } from '../core/chat-protocol';
import type { Locale } from '../core/shop';
import { pick } from './locale';
import type { WidgetTexts } from './widget-texts';

export function errorText(error: Partial<ErrorBody> | null | undefined, t: WidgetTexts, lang: Locale): string {
  if (!error || typeof error !== 'object') return t.error(undefined);
  const message = pick(error.message, lang).trim();
  return message || t.error(error.code);
}
