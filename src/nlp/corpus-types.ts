/**
 * @module nlp/corpus-types
 * One labelled utterance of the intent corpus.
 */
import type { Locale } from '../core/shop';

export interface IntentExample {
  text: string;
  intent: string;
  locale: Locale;
}
