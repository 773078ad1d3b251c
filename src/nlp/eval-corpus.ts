/**
 * @module nlp/eval-corpus
 * Scores a recogniser on labelled examples: accuracy overall and per intent (recall, precision),
 * and the misses, for `kefu eval` and CI.
 */
import type { Recognizer } from '../core/nlu';
import type { IntentExample } from './corpus-types';

export interface IntentScore {
  /** Examples of this intent. */
  n: number;
  correct: number;
  /** correct / n */
  accuracy: number;
  /** Of the examples predicted as this intent, the share that were it. */
  precision: number;
}

export interface EvalResult {
  n: number;
  accuracy: number;
  perIntent: Record<string, IntentScore>;
  errors: { text: string; expected: string; got: string; score: number }[];
}

/**
 * @example const r = await evaluate(engine, corpus.tests.filter((e) => e.locale === 'zh')); r.accuracy
 */
export async function evaluate(engine: Recognizer, examples: readonly IntentExample[]): Promise<EvalResult> {
  const perIntent: Record<string, IntentScore> = {};
  const predicted: Record<string, { n: number; correct: number }> = {};
  const errors: EvalResult['errors'] = [];
  let correct = 0;
  for (const ex of examples) {
    const r = await engine.recognize(ex.text, ex.locale);
    const got = r.topIntent.name;
    const ok = got === ex.intent;
    const s = (perIntent[ex.intent] ??= { n: 0, correct: 0, accuracy: 0, precision: 0 });
    s.n++;
    const p = (predicted[got] ??= { n: 0, correct: 0 });
    p.n++;
    if (ok) {
      correct++;
      s.correct++;
      p.correct++;
    } else errors.push({ text: ex.text, expected: ex.intent, got, score: r.topIntent.score });
  }
  for (const [intent, s] of Object.entries(perIntent)) {
    s.accuracy = s.n ? s.correct / s.n : 0;
    const p = predicted[intent];
    s.precision = p && p.n ? p.correct / p.n : 0;
  }
  return { n: examples.length, accuracy: examples.length ? correct / examples.length : 0, perIntent, errors };
}
