/**
 * @module nlp/phrase-matcher
 * Finds known phrases (brand aliases, category words) in normalised text, longest first, never
 * overlapping. Latin phrases must stand as whole words (an English plural `s`/`es` may follow);
 * Chinese phrases must start and end on token boundaries when they are shorter than three
 * characters (so 手机 is not found inside 手机号).
 */
import type { Token } from '../core/nlu';

export interface PhraseMatch<T> {
  start: number;
  end: number;
  value: T;
}

const LATIN = /[a-z0-9]/;

export class PhraseMatcher<T> {
  /** First character → phrases starting with it, longest first. */
  private readonly byFirst = new Map<string, { phrase: string; value: T }[]>();

  /** Adds a normalised phrase; the first value added for a phrase wins. */
  add(phrase: string, value: T): this {
    const p = phrase.trim();
    if (!p) return this;
    const first = p[0] as string;
    const list = this.byFirst.get(first) ?? [];
    if (!list.some((e) => e.phrase === p)) {
      list.push({ phrase: p, value });
      list.sort((a, b) => b.phrase.length - a.phrase.length);
    }
    this.byFirst.set(first, list);
    return this;
  }

  /**
   * @param norm normalised text (`normalizeText`)
   * @param tokens its tokens, for the boundaries of short Chinese phrases
   */
  match(norm: string, tokens: readonly Token[]): PhraseMatch<T>[] {
    const starts = new Set<number>();
    const ends = new Set<number>();
    for (const t of tokens) {
      starts.add(t.start);
      ends.add(t.end);
    }
    const out: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < norm.length) {
      const hit = this.matchAt(norm, i, starts, ends);
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  private matchAt(norm: string, i: number, starts: Set<number>, ends: Set<number>): PhraseMatch<T> | undefined {
    const list = this.byFirst.get(norm[i] as string);
    if (!list) return undefined;
    for (const { phrase, value } of list) {
      if (!norm.startsWith(phrase, i)) continue;
      let end = i + phrase.length;
      const latinStart = LATIN.test(phrase[0] as string);
      const latinEnd = LATIN.test(phrase[phrase.length - 1] as string);
      if (latinStart && i > 0 && LATIN.test(norm[i - 1] as string)) continue;
      if (latinEnd) {
        const plural = /^(?:es|s)(?![a-z0-9])/.exec(norm.slice(end, end + 3));
        if (plural) end += plural[0].length;
        else if (end < norm.length && LATIN.test(norm[end] as string)) continue;
      }
      if (!latinStart && phrase.length < 3 && !starts.has(i)) continue;
      if (!latinEnd && phrase.length < 3 && !ends.has(end)) continue;
      return { start: i, end, value };
    }
    return undefined;
  }
}
