/**
 * @module eval/read-examples
 * Reads JSON Lines `{"text", "intent"}` for `kefu eval`; a bad line names file and line and stops.
 */
import type { Locale } from '../core/shop';
import type { IntentExample } from '../nlp/corpus-types';
import { detectLocale } from '../nlp/lang/detect-locale';
import { readJsonLines } from '../nlp/read-json-lines';

export function readExamples(file: string, lang: Locale | 'auto'): IntentExample[] {
  return readJsonLines(
    file,
    ({ text, intent }) =>
      typeof text !== 'string' || text.trim() === '' || typeof intent !== 'string' || intent === ''
        ? null
        : { text, intent, locale: lang === 'auto' ? detectLocale(text) : lang },
    '{"text": string, "intent": string}',
  );
}
