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

/** A Latin letter or digit (normalised text is lower-case): `[a-z0-9]`. */
function isLatin(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

interface Entry<T> {
  phrase: string;
  value: T;
  /** The phrase starts / ends with a Latin letter or digit (whole-word rules apply). */
  latinStart: boolean;
  latinEnd: boolean;
}

/** Bits of the per-call boundary table. */
const TOKEN_START = 1;
const TOKEN_END = 2;

export class PhraseMatcher<T> {
  /** First code unit → phrases starting with it, longest first. */
  private readonly byFirst = new Map<number, Entry<T>[]>();

  /** Adds a normalised phrase; the first value added for a phrase wins. */
  add(phrase: string, value: T): this {
    const p = phrase.trim();
    if (!p) return this;
    const first = p.charCodeAt(0);
    const list = this.byFirst.get(first) ?? [];
    if (!list.some((e) => e.phrase === p)) {
      list.push({ phrase: p, value, latinStart: isLatin(first), latinEnd: isLatin(p.charCodeAt(p.length - 1)) });
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
    const out: PhraseMatch<T>[] = [];
    // No phrases (a shop without brands or categories yet, the public benchmarks): no walk over
    // the text (0.5 µs per English message and matcher).
    if (this.byFirst.size === 0) return out;
    let bounds: number[] | undefined;
    // Token boundaries matter only to short Chinese phrases: built the first time one is a candidate
    // (English text, whose words start with letters that start some brand, never builds them).
    const tokenBounds = (): number[] => (bounds ??= boundaries(norm.length, tokens));
    let i = 0;
    while (i < norm.length) {
      const code = norm.charCodeAt(i);
      // Inside a Latin word no Latin phrase can start: skip the lookup.
      const list = isLatin(code) && i > 0 && isLatin(norm.charCodeAt(i - 1)) ? undefined : this.byFirst.get(code);
      if (list) {
        const hit = matchAt(list, norm, i, tokenBounds);
        if (hit) {
          out.push(hit);
          i = hit.end;
          continue;
        }
      }
      i++;
    }
    return out;
  }
}

/** Where tokens start and end (bit flags by offset), built only when a phrase could match. */
function boundaries(length: number, tokens: readonly Token[]): number[] {
  // A plain array: a small typed array costs more to allocate than this whole match.
  const bounds = new Array<number>(length + 1).fill(0);
  for (const t of tokens) {
    if (t.start <= length) bounds[t.start] = (bounds[t.start] as number) | TOKEN_START;
    if (t.end <= length) bounds[t.end] = (bounds[t.end] as number) | TOKEN_END;
  }
  return bounds;
}

/** Length of an English plural ending (`s`, `es`) standing as the end of a word at `end`, else 0. */
function pluralAt(norm: string, end: number): number {
  const c = norm.charCodeAt(end);
  if (c === 115 /* s */) return isLatin(norm.charCodeAt(end + 1)) ? 0 : 1;
  if (c === 101 /* e */ && norm.charCodeAt(end + 1) === 115 && !isLatin(norm.charCodeAt(end + 2))) return 2;
  return 0;
}

function matchAt<T>(list: readonly Entry<T>[], norm: string, i: number, bounds: () => readonly number[]): PhraseMatch<T> | undefined {
  for (const { phrase, value, latinStart, latinEnd } of list) {
    if (!norm.startsWith(phrase, i)) continue;
    let end = i + phrase.length;
    if (latinStart && i > 0 && isLatin(norm.charCodeAt(i - 1))) continue;
    if (latinEnd) {
      const plural = pluralAt(norm, end);
      if (plural) end += plural;
      else if (end < norm.length && isLatin(norm.charCodeAt(end))) continue;
    }
    if (!latinStart && phrase.length < 3 && !((bounds()[i] as number) & TOKEN_START)) continue;
    if (!latinEnd && phrase.length < 3 && !((bounds()[end] as number) & TOKEN_END)) continue;
    return { start: i, end, value };
  }
  return undefined;
}
