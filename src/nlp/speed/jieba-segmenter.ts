/**
 * @module nlp/speed/jieba-segmenter
 * jieba's Chinese word segmentation in TypeScript: a port of what `nodejieba.cut(text, hmm)` ran
 * in C++ (cppjieba's `DictTrie`, `MPSegment` and `MixSegment`), on the same dictionary files, with
 * the same weights, sums, comparisons and tie-breaking, so every cut is the same (the unit test
 * compares it with nodejieba). Why not nodejieba itself: its `load` built cppjieba's dictionary
 * trie twice (the segmenter's and the keyword extractor's) plus an IDF table, 242 MB of a
 * server's memory for a feature that needs the segmenter only; here the trie takes about 20 MB
 * (`rune-trie.ts`). And a call from JavaScript into C++ converted the text to UTF-8 and back,
 * which cost more than the segmentation of a short chat message.
 *
 * The algorithm (cppjieba `MPSegment`): each word of the dictionary has the weight log(freq /
 * total); the cut is the path through the text's word graph with the largest sum of weights (a
 * character alone weighs the dictionary's smallest weight). With the HMM (`MixSegment`), runs of
 * single characters are re-cut by the hidden Markov model (`hmm-segmenter.ts`), which finds words
 * the dictionary lacks.
 */
import { readFileSync } from 'node:fs';
import { RuneTrie, NONE } from './rune-trie';
import { HmmSegmenter, MIN_DOUBLE } from './hmm-segmenter';
import GLIBC from './jieba-glibc-weights.json';

/** The dictionary files, as nodejieba's `load` takes them. */
export interface JiebaFiles {
  /** `word freq tag` per line. */
  dict: string;
  /** The HMM model (`hmm_model.utf8`). */
  hmm: string;
  /** User dictionaries, `|` or `;` between files: `word [freq] [tag]` per line. */
  userDict: string;
}

/** cppjieba's `MAX_WORD_LENGTH`, in runes. */
const MAX_WORD_LENGTH = 512;

/** cppjieba's `SPECIAL_SEPARATORS`: the text is cut in pieces between them, each its own word. */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);

/** limonp's `Split` on spaces: empty fields are kept, except after a trailing space. */
function fields(line: string): string[] {
  const parts = line.split(' ');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * log(freq / total) as cppjieba computes it. JavaScript's `Math.log` is V8's own and differs from
 * the C library's in the last bit for some arguments; a weight one bit off breaks an exact tie
 * the other way ('好好好好' cut 好/好好/好 by one, 好好/好/好 by the other). The C library's values
 * for jieba's dictionary, where they differ, are in `jieba-glibc-weights.json`
 * (`glibc-log-weights.py` writes it).
 */
function dictWeight(freq: number, total: number): number {
  const exact = total === GLIBC.total ? (GLIBC.weights as Record<string, number>)[String(freq)] : undefined;
  return exact ?? Math.log(freq / total);
}

/**
 * Calls `visit` with the frequency and the word's span of each `word freq tag` line of a jieba
 * dictionary; throws on a line with another number of fields (cppjieba stops there too).
 */
function forEachDictLine(text: string, file: string, visit: (freq: number, start: number, end: number) => void): void {
  let line = 1;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) {
      const a = text.indexOf(' ', start);
      const b = a < 0 ? -1 : text.indexOf(' ', a + 1);
      const c = b < 0 ? -1 : text.indexOf(' ', b + 1);
      if (a < 0 || a >= end || b < 0 || b >= end || (c >= 0 && c < end - 1)) throw new Error(`${file}:${line}: expected "word freq tag"`);
      visit(parseFrequency(text, a + 1, b), start, a);
    }
    start = end + 1;
  }
}

/** `atof` of `text.slice(from, to)`; digits are read in place (all of jieba's frequencies are integers). */
function parseFrequency(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || value > 1e15) return Number.parseFloat(text.slice(from, to)) || 0;
    value = value * 10 + d;
  }
  return value;
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0);
}

export class JiebaSegmenter {
  private readonly trie = new RuneTrie();
  /** Single runes a user dictionary lists: never handed to the HMM. */
  private readonly userSingles = new Set<number>();
  private runes = new Int32Array(256);
  /** Code-unit offset of each rune, plus the end. */
  private offsets = new Int32Array(257);
  /** Best path weight from each rune to the end of its piece, and the length of its first word. */
  private best = new Float64Array(256);
  private lengths = new Int32Array(256);
  private readonly ends: number[] = [];

  private constructor(
    private readonly hmm: HmmSegmenter,
    /** The smallest weight of the dictionary: what a character alone weighs. */
    private readonly minWeight: number,
    /** The median weight: what a user word without a frequency weighs. */
    readonly userWordWeight: number,
    /** The sum of the dictionary's frequencies. */
    private readonly freqSum: number,
  ) {}

  /**
   * Reads the dictionary, the HMM model and the user dictionaries, as cppjieba's `DictTrie` does.
   * The dictionary (349,000 lines) is read in place, without a string per line or field: what
   * loading leaves behind stays in the server's memory.
   */
  static load(files: JiebaFiles): JiebaSegmenter {
    const text = readFileSync(files.dict, 'utf8');
    let sum = 0;
    let count = 0;
    forEachDictLine(text, files.dict, (freq) => {
      sum += freq;
      count++;
    });
    const weights = new Float64Array(count);
    let k = 0;
    forEachDictLine(text, files.dict, (freq) => (weights[k++] = dictWeight(freq, sum)));
    const sorted = Float64Array.from(weights).sort();
    const segmenter = new JiebaSegmenter(
      HmmSegmenter.parse(readFileSync(files.hmm, 'utf8')),
      sorted[0] as number,
      sorted[Math.floor(sorted.length / 2)] as number,
      sum,
    );
    k = 0;
    forEachDictLine(text, files.dict, (_freq, start, end) => segmenter.trie.insert(text, weights[k++] as number, start, end));
    for (const file of files.userDict.split(/[|;]/).filter(Boolean)) {
      for (const line of lines(readFileSync(file, 'utf8'))) segmenter.addUserDictLine(line);
    }
    return segmenter;
  }

  /** cppjieba's `InserUserDictNode`: `word`, `word tag` (median weight) or `word freq tag`. */
  private addUserDictLine(line: string): void {
    const f = fields(line);
    let word = '';
    if (f.length === 1 || f.length === 2) {
      word = f[0] as string;
      this.trie.insert(word, this.userWordWeight);
    } else if (f.length === 3) {
      word = f[0] as string;
      // atoi: the leading integer, 0 when there is none (log(0) = -Infinity, as in C).
      this.trie.insert(word, dictWeight(Number.parseInt(f[1] as string, 10) || 0, this.freqSum));
    }
    const rune = word.codePointAt(0);
    if (rune !== undefined && String.fromCodePoint(rune) === word) this.userSingles.add(rune);
  }

  /** `nodejieba.insertWord(word)`: a user word with the median weight (replacing its weight if present). */
  insertWord(word: string): void {
    this.trie.insert(word, this.userWordWeight);
  }

  /**
   * `nodejieba.cut(text, hmm)`: the words, which concatenate back to `text`.
   * @example segmenter.cut('我想买笔记本电脑', true) // ['我', '想', '买', '笔记本电脑']
   */
  cut(text: string, hmm: boolean): string[] {
    const n = this.decode(text);
    const ends = this.ends;
    ends.length = 0;
    let from = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && !SEPARATORS.has(this.runes[i] as number)) continue;
      if (i > from) this.cutPiece(from, i, hmm);
      if (i < n) ends.push(i + 1);
      from = i + 1;
    }
    const words: string[] = new Array<string>(ends.length);
    let start = 0;
    for (let k = 0; k < ends.length; k++) {
      const end = this.offsets[ends[k] as number] as number;
      words[k] = text.slice(start, end);
      start = end;
    }
    return words;
  }

  /** Fills `runes` and `offsets`; returns the number of runes. */
  private decode(text: string): number {
    if (this.runes.length < text.length) {
      this.runes = new Int32Array(text.length * 2);
      this.offsets = new Int32Array(text.length * 2 + 1);
      this.best = new Float64Array(text.length * 2);
      this.lengths = new Int32Array(text.length * 2);
    }
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      const rune = text.codePointAt(i) as number;
      this.offsets[n] = i;
      this.runes[n++] = rune;
      if (rune > 0xffff) i++;
    }
    this.offsets[n] = text.length;
    return n;
  }

  /** Cuts runes [from, to) (no separator inside) and pushes each word's end. */
  private cutPiece(from: number, to: number, hmm: boolean): void {
    this.maxWeightPath(from, to);
    const { lengths, runes, ends } = this;
    let i = from;
    while (i < to) {
      const length = lengths[i] as number;
      if (!hmm || length > 1 || this.userSingles.has(runes[i] as number)) {
        i += length;
        ends.push(i);
        continue;
      }
      // A run of single characters (none a user word) goes to the HMM.
      let j = i;
      while (j < to && lengths[j] === 1 && !this.userSingles.has(runes[j] as number)) j++;
      this.hmm.cut(runes, i, j, ends);
      i = j;
    }
  }

  /**
   * cppjieba's `DictTrie::Find` + `MPSegment::CalcDP`: from the last rune back, the word starting
   * at each rune that maximises its weight plus the best weight after it (the first such word,
   * shortest first, on a tie).
   */
  private maxWeightPath(from: number, to: number): void {
    const { trie, runes, best, lengths, minWeight } = this;
    for (let i = to - 1; i >= from; i--) {
      let bestWeight = MIN_DOUBLE;
      let bestLength = 1;
      let node = trie.child(0, runes[i] as number);
      // The rune alone: its dictionary weight, or the smallest weight when it is no word.
      const single = node === NONE ? Number.NaN : trie.weight(node);
      const alone = (i + 1 < to ? (best[i + 1] as number) : 0) + (Number.isNaN(single) ? minWeight : single);
      if (alone > bestWeight) bestWeight = alone;
      for (let j = i + 1; j < to && j - i + 1 <= MAX_WORD_LENGTH && node !== NONE; j++) {
        node = trie.child(node, runes[j] as number);
        if (node === NONE) break;
        const w = trie.weight(node);
        if (Number.isNaN(w)) continue;
        const value = (j + 1 < to ? (best[j + 1] as number) : 0) + w;
        if (value > bestWeight) {
          bestWeight = value;
          bestLength = j - i + 1;
        }
      }
      best[i] = bestWeight;
      lengths[i] = bestLength;
    }
  }
}
