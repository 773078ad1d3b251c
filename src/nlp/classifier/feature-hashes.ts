/**
 * @module nlp/classifier/feature-hashes
 * The hot-path twin of `extractFeatures`: the same features as 32-bit hashes (`hashFeature` of
 * each string), computed incrementally without building n-gram strings. The hashes of a Latin
 * word's character n-grams are cached per word. The parts are exported for `TfidfVectorizer`,
 * which keeps its own per-word cache of feature indices.
 */
import { keepsOwnWord, type NluToken } from '../token-types';
import type { FeatureOptions } from './features';
import { DEFAULT_FEATURE_OPTIONS, featureUnit } from './features';
import { normalizeText } from '../normalize';
import { FNV_OFFSET, hashMore, hashUnit } from './feature-hash';

const W = hashMore(FNV_OFFSET, 'w:');
const B = hashMore(FNV_OFFSET, 'b:');
const C = hashMore(FNV_OFFSET, 'c:');
const BAR = '|'.charCodeAt(0);
const START = hashUnit(hashMore(B, '<s>'), BAR);
const END = '|</s>';
const SURROGATE = /[\ud800-\udfff]/;

/** Hashes of `'c:' + gram` for the text's character n-grams of sizes lo..hi, appended to `out`. */
export function charGramHashes(text: string, lo: number, hi: number, out: number[]): void {
  if (!SURROGATE.test(text)) {
    const len = text.length;
    for (let i = 0; i + lo <= len; i++) {
      let h = C;
      const last = Math.min(len, i + hi);
      for (let k = i; k < last; k++) {
        h = hashUnit(h, text.charCodeAt(k));
        if (k - i + 1 >= lo) out.push(h);
      }
    }
    return;
  }
  const chars = [...text];
  for (let i = 0; i + lo <= chars.length; i++) {
    let h = C;
    const last = Math.min(chars.length, i + hi);
    for (let k = i; k < last; k++) {
      h = hashMore(h, chars[k] as string);
      if (k - i + 1 >= lo) out.push(h);
    }
  }
}

/** Per option pair `lo,hi` (`lo * 65536 + hi`): a Latin word's text → its n-gram hashes. Cleared when it grows large. */
const latinCache = new Map<number, Map<string, number[]>>();
const LATIN_CACHE_MAX = 50_000;

/** The n-gram hashes of a Latin word as written (those of `'<' + normalised + '>'`), appended to `out`. */
export function latinWordHashes(text: string, lo: number, hi: number, out: number[]): void {
  charGramHashes('<' + normalizeText(text) + '>', lo, hi, out);
}

/** `latinWordHashes`, cached. */
function latinGramHashes(text: string, lo: number, hi: number, out: number[]): void {
  const key = lo * 65536 + hi;
  let cache = latinCache.get(key);
  if (!cache) latinCache.set(key, (cache = new Map()));
  let hashes = cache.get(text);
  if (!hashes) {
    hashes = [];
    latinWordHashes(text, lo, hi, hashes);
    if (cache.size >= LATIN_CACHE_MAX) cache.clear();
    cache.set(text, hashes);
  }
  for (let k = 0; k < hashes.length; k++) out.push(hashes[k] as number);
}

/** Receives the sources of a text's character n-grams, in the order `featureHashes` hashes them. */
export interface GramSink {
  /** A run of adjacent Han tokens (their `norm`s joined). */
  hanRun(run: string): void;
  /** A Latin word, as written (its token's `text`). */
  latinWord(text: string): void;
}

/**
 * Appends the hashes of `extractFeatures(tokens, opts)` to `out` (same multiset, another order):
 * first `unitHashes`, then the character n-grams of each `visitGramSources` source.
 * @param words if given, also gets the word-unigram hash of each word (Chinese or Latin, not a
 *   special token), for the vectorizer's rare-word feature
 * @example featureHashes(tokenize('查订单')).sort() // extractFeatures(…).map(hashFeature).sort()
 */
export function featureHashes(tokens: readonly NluToken[], opts: FeatureOptions = DEFAULT_FEATURE_OPTIONS, out: number[] = [], words?: number[]): number[] {
  unitHashes(tokens, opts, out, words);
  const [hanLo, hanHi] = opts.hanChars;
  const [latinLo, latinHi] = opts.latinChars;
  visitGramSources(tokens, {
    hanRun: (run) => charGramHashes(run, hanLo, hanHi, out),
    latinWord: (text) => latinGramHashes(text, latinLo, latinHi, out),
  });
  return out;
}

/** The word unigram and bigram hashes of `featureHashes` (all but the character n-grams), appended to `out`. */
export function unitHashes(tokens: readonly NluToken[], opts: FeatureOptions, out: number[], words?: number[]): void {
  let prev = START;
  let units = 0;
  for (const t of tokens) {
    const u = featureUnit(t);
    if (u === undefined) continue;
    units++;
    const word = hashMore(W, u);
    out.push(word);
    if (words && !t.tag && (t.kind === 'han' || t.kind === 'word')) words.push(word);
    if (keepsOwnWord(t)) out.push(hashMore(W, t.norm));
    if (opts.bigrams) {
      out.push(hashMore(prev, u));
      prev = hashUnit(hashMore(B, u), BAR);
    }
  }
  if (opts.bigrams && units > 0) out.push(hashMore(prev, END, 1));
}

/** Hands the sources of character n-grams to `sink`: Han runs (adjacent Han tokens joined, as in `extractFeatures`) and Latin words. */
export function visitGramSources(tokens: readonly NluToken[], sink: GramSink): void {
  let run = '';
  let runEnd = -1;
  for (const t of tokens) {
    if (t.kind === 'han' && !t.tag) {
      if (t.start !== runEnd && run) {
        sink.hanRun(run);
        run = '';
      }
      run += t.norm;
      runEnd = t.end;
    } else if (t.kind === 'word') {
      sink.latinWord(t.text);
    }
  }
  if (run) sink.hanRun(run);
}
