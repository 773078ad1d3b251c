/**
 * @module nlp/sentiment/word-scores
 * A word list with a score per word or phrase (AFINN, kefu's shopper and anger words), and the
 * longest entry that starts at a given word of a text.
 */

/** A word list: single words, and phrases of up to three words (`does not work`). */
export interface WordScores {
  words: ReadonlyMap<string, number>;
  /** Phrases by their first word, longest first. */
  phrases: ReadonlyMap<string, readonly { words: readonly string[]; score: number }[]>;
}

/** Builds the lookup tables of a `{word or phrase: score}` record. */
export function wordScores(entries: Iterable<[string, number]>): WordScores {
  const words = new Map<string, number>();
  const phrases = new Map<string, { words: string[]; score: number }[]>();
  for (const [entry, score] of entries) {
    const parts = entry.toLowerCase().split(/\s+/).filter(Boolean);
    if (parts.length === 1) words.set(parts[0] as string, score);
    else if (parts.length > 1) {
      const list = phrases.get(parts[0] as string) ?? [];
      list.push({ words: parts, score });
      list.sort((a, b) => b.words.length - a.words.length);
      phrases.set(parts[0] as string, list);
    }
  }
  return { words, phrases };
}

/**
 * The score of the longest phrase, or else the word, starting at `words[i]`, and how many words it covers.
 * @example scoreAt(wordScores([['fed up', 1]]), ['so', 'fed', 'up'], 1) // {score: 1, length: 2}
 */
export function scoreAt(list: WordScores, words: readonly string[], i: number): { score: number; length: number } | undefined {
  const w = words[i] as string;
  const phrases = list.phrases.get(w);
  if (phrases) {
    // Plain loops: this runs for every word of every English message.
    for (const p of phrases) {
      let k = 1;
      while (k < p.words.length && words[i + k] === p.words[k]) k++;
      if (k === p.words.length) return { score: p.score, length: p.words.length };
    }
  }
  const score = list.words.get(w);
  return score === undefined ? undefined : { score, length: 1 };
}
