/**
 * @module eval/read-examples
 * Reads JSON Lines `{"text", "intent"}` for `kefu eval`; a bad line names file and line and stops.
 */
import fs from 'node:fs';
import type { Locale } from '../core/shop';
import type { IntentExample } from '../nlp/corpus-types';
import { detectLocale } from '../nlp/lang/detect-locale';

export function readExamples(file: string, lang: Locale | 'auto'): IntentExample[] {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const examples: IntentExample[] = [];
  fs.readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '') // a byte-order mark from Windows editors is not part of line 1's JSON
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
      const { text, intent } = (record ?? {}) as Record<string, unknown>;
      if (typeof text !== 'string' || text.trim() === '' || typeof intent !== 'string' || intent === '') {
        throw new Error(`${file}:${i + 1}: each line must be {"text": string, "intent": string}`);
      }
      examples.push({ text, intent, locale: lang === 'auto' ? detectLocale(text) : lang });
    });
  if (examples.length === 0) throw new Error(`${file}: no examples (an empty file is an error, not a zero score)`);
  return examples;
}
