/**
 * @module nlp/clarify-rule
 * When a message is too close to call between two intents: the rule the bot uses to ask "this or
 * that?" instead of guessing (`dialogs/clarify-intent`), and the clarify-margin bench uses to
 * choose its margin. Pure: probabilities in, a decision out.
 */
import type { KefuRecognizerResult } from '../core/nlu';

export interface ClarifyRule {
  /** Ask when the top two calibrated probabilities differ by less than this. 0 turns asking off. */
  margin: number;
  /** …and the runner-up has at least this probability (two weak guesses are not a choice). */
  minSecond: number;
  /** The out-of-scope intent: never one of the two choices. */
  oosIntent: string;
}

/**
 * Chosen on kefu's dev sets with `node dist/bench/clarify-margin-bench.js` (see its report,
 * `test/reports/bench-clarify.md`): the margin where a question rescues most wrong guesses per
 * question asked of a shopper whose first guess was right.
 */
export const DEFAULT_CLARIFY_RULE: ClarifyRule = { margin: 0.2, minSecond: 0.2, oosIntent: 'oos' };

/** The top two intents, best first, or null when the message is clear (or one of them is `oos`). */
export function closeCall(
  intents: readonly { name: string; score: number }[],
  rule: ClarifyRule,
): [{ name: string; score: number }, { name: string; score: number }] | null {
  const [first, second] = intents;
  if (!first || !second || rule.margin <= 0) return null;
  if (first.name === rule.oosIntent || second.name === rule.oosIntent) return null;
  if (!Number.isFinite(first.score) || !Number.isFinite(second.score)) return null;
  if (second.score < rule.minSecond || first.score - second.score >= rule.margin) return null;
  return [first, second];
}

/** The recogniser's intents, best first (its `intents` record holds the few best). */
export function rankedIntents(recognition: Pick<KefuRecognizerResult, 'intents'>): { name: string; score: number }[] {
  return Object.entries(recognition.intents)
    .map(([name, v]) => ({ name, score: v.score }))
    .sort((a, b) => b.score - a.score);
}
