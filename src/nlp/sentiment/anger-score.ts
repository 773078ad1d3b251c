/**
 * @module nlp/sentiment/anger-score
 * How angry a message reads, in [0, 1], from three kinds of evidence:
 *
 *   anger = min(1, 0.4·neg + 0.5·words + 0.25·cues·(1 − pos))
 *
 * - `neg`/`pos`: the negative/positive part of the sentiment score (max(0, −score), max(0, score)).
 *   A disappointed review alone stays under 0.4: unhappy is not yet angry.
 * - `words`: the summed weights of anger words and emoji (`anger-words.ts`), at most 1. One
 *   strong word (气死, 骗子, scam) with any negativity reaches the threshold `ANGER_THRESHOLD`.
 * - `cues`: 0.5 for each kind of shouting, at most 1: repeated `!`/`！`, repeated or mixed
 *   `?`/`？` (`???`, `?!`), and English in capitals (at least half the words of 3+ letters, two or
 *   more of them). Cues count less the more positive the message is ("太棒了！！！" is not angry).
 *
 * Weights were set by hand on examples (kefu has no anger-labelled data); the unit tests pin
 * the cases that matter to the bot: complaints and insults are angry, plain questions and
 * praise are not. Negated anger words ("not angry") are not handled.
 */
import { ANGER_EMOJI, ANGER_WORDS_EN, ANGER_WORDS_ZH } from './anger-words';
import { scoreAt, wordScores } from './word-scores';

/** At and above this, the message reads as angry (empathy first, front of the handoff queue). */
export const ANGER_THRESHOLD = 0.5;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Chinese words and emoji, longest first, as one alternation. */
const SUBSTRINGS = new Map<string, number>([...Object.entries(ANGER_WORDS_ZH), ...Object.entries(ANGER_EMOJI)]);
const SUBSTRING_RE = new RegExp([...SUBSTRINGS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'gu');
const ENGLISH = wordScores(Object.entries(ANGER_WORDS_EN));

const REPEATED_BANG = /[!！]{2,}/;
const REPEATED_QUESTION = /[?？]{2,}|[?？][!！]|[!！][?？]/;
const LONG_WORD = /[A-Za-z]{3,}/g;
const CAPITALS = /^[A-Z]+$/;

/** Whether most English words of 3+ letters are in capitals (two at least). */
function shouting(text: string): boolean {
  const words = text.match(LONG_WORD);
  if (!words || words.length < 2) return false;
  const capitals = words.filter((w) => CAPITALS.test(w)).length;
  return capitals >= 2 && capitals * 2 >= words.length;
}

/** Summed weights of the anger words and emoji, at most 1. */
export function angerWordWeight(norm: string, englishWords: readonly string[]): number {
  let sum = 0;
  SUBSTRING_RE.lastIndex = 0;
  for (let m = SUBSTRING_RE.exec(norm); m !== null; m = SUBSTRING_RE.exec(norm)) sum += SUBSTRINGS.get(m[0]) ?? 0;
  for (let i = 0; i < englishWords.length && sum < 1; i++) {
    const hit = scoreAt(ENGLISH, englishWords, i);
    if (!hit) continue;
    sum += hit.score;
    i += hit.length - 1;
  }
  return Math.min(1, sum);
}

/** 0.5 per kind of shouting in the original text, at most 1. */
export function shoutingCues(text: string): number {
  let kinds = 0;
  if (REPEATED_BANG.test(text)) kinds++;
  if (REPEATED_QUESTION.test(text)) kinds++;
  if (shouting(text)) kinds++;
  return Math.min(1, kinds * 0.5);
}

/**
 * @param text the message as typed (for capitals and punctuation)
 * @param norm `normalizeText(text)` (for the Chinese words)
 * @param englishWords its English words, lower-case
 * @param score its sentiment score in [−1, 1]
 * @example angerScore('垃圾！骗子！！', normalizeText('垃圾！骗子！！'), [], -0.9) // 1
 */
export function angerScore(text: string, norm: string, englishWords: readonly string[], score: number): number {
  const neg = Math.max(0, -score);
  const pos = Math.max(0, score);
  const anger = 0.4 * neg + 0.5 * angerWordWeight(norm, englishWords) + 0.25 * shoutingCues(text) * (1 - pos);
  return Math.round(Math.min(1, anger) * 1000) / 1000;
}
