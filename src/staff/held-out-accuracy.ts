/**
 * @module staff/held-out-accuracy
 * Accuracy on the held-out `tests` lists of the intent corpus, per language: what `kefu train`
 * prints and what a training run records, so the console can show how teaching changed it.
 */
import type { Recognizer } from '../core/nlu';
import { LOCALES, type Locale } from '../core/shop';
import type { IntentExample } from '../nlp/corpus-types';
import { evaluate } from '../nlp/eval-corpus';

export type HeldOutAccuracy = Record<Locale, { accuracy: number; n: number }>;

/**
 * @example const heldOut = await heldOutAccuracy(engine, loadIntentCorpus('intents').tests); heldOut.zh.accuracy
 */
export async function heldOutAccuracy(recognizer: Recognizer, tests: readonly IntentExample[]): Promise<HeldOutAccuracy> {
  const out = {} as HeldOutAccuracy;
  for (const locale of LOCALES) {
    const examples = tests.filter((e) => e.locale === locale);
    const result = await evaluate(recognizer, examples);
    out[locale] = { accuracy: Math.round(result.accuracy * 10000) / 10000, n: examples.length };
  }
  return out;
}
