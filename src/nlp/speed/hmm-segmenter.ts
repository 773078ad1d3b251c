/**
 * @module nlp/speed/hmm-segmenter
 * jieba's hidden Markov model for words not in the dictionary: states B(egin), E(nd), M(iddle),
 * S(ingle) per character (0–3), the most likely state sequence by Viterbi, a word ending at each E or
 * S. A port of cppjieba's `HMMModel` and `HMMSegment` (the same file format, the same sums in the
 * same order, the same tie-breaking), so it cuts exactly as nodejieba did.
 */

/** cppjieba's `MIN_DOUBLE`: the log-probability of the impossible. */
export const MIN_DOUBLE = -3.14e100;

const E = 1;
const S = 3;
const STATES = 4;

export class HmmSegmenter {
  private path = new Int32Array(64);
  private weight = new Float64Array(64);
  private states = new Int8Array(16);
  /** Rune → its row of `emission` (one lookup per rune, not one per rune and state). */
  private readonly rows = new Map<number, number>();
  /** emission[row * 4 + state]: the log-probability, `MIN_DOUBLE` where the model has none. */
  private readonly emission: Float64Array;
  /** The row of a rune the model has never seen: `MIN_DOUBLE` for every state. */
  private readonly unseen: number;

  private constructor(
    private readonly start: Float64Array,
    /** trans[from * 4 + to] */
    private readonly trans: Float64Array,
    /** Per state: rune → emission log-probability. */
    emit: readonly Map<number, number>[],
  ) {
    for (const map of emit) for (const rune of map.keys()) if (!this.rows.has(rune)) this.rows.set(rune, this.rows.size);
    this.unseen = this.rows.size;
    this.emission = new Float64Array((this.unseen + 1) * STATES).fill(MIN_DOUBLE);
    emit.forEach((map, state) => {
      for (const [rune, p] of map) this.emission[(this.rows.get(rune) as number) * STATES + state] = p;
    });
  }

  private rowOf(rune: number): number {
    return (this.rows.get(rune) ?? this.unseen) * STATES;
  }

  /** Reads `hmm_model.utf8`: start probabilities, the 4×4 transitions, then one emission line per state. */
  static parse(text: string): HmmSegmenter {
    const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
    if (lines.length < 9) throw new Error('hmm model: expected 9 lines');
    const numbers = (line: string): number[] => line.split(' ').map((x) => Number.parseFloat(x));
    const start = new Float64Array(numbers(lines[0] as string));
    const trans = new Float64Array(lines.slice(1, 5).flatMap(numbers));
    const emit = lines.slice(5, 9).map((line) => {
      const map = new Map<number, number>();
      for (const pair of line.split(',')) {
        const colon = pair.lastIndexOf(':');
        const ch = pair.slice(0, colon);
        const cp = ch.codePointAt(0);
        if (cp === undefined || String.fromCodePoint(cp) !== ch) throw new Error(`hmm model: bad emission ${pair}`);
        map.set(cp, Number.parseFloat(pair.slice(colon + 1)));
      }
      return map;
    });
    return new HmmSegmenter(start, trans, emit);
  }

  /**
   * Cuts `runes[from, to)` and pushes each word's end (exclusive, a rune index) to `ends`.
   * ASCII runs are split off first by cppjieba's letter and number rules.
   */
  cut(runes: Int32Array, from: number, to: number, ends: number[]): void {
    let left = from;
    let right = from;
    while (right < to) {
      const r = runes[right] as number;
      if (r >= 0x80) {
        right++;
        continue;
      }
      if (left !== right) this.viterbi(runes, left, right, ends);
      left = right;
      right = letters(runes, left, to);
      if (right === left) right = digits(runes, left, to);
      if (right === left) right++;
      ends.push(right);
      left = right;
    }
    if (left !== right) this.viterbi(runes, left, right, ends);
  }

  private viterbi(runes: Int32Array, from: number, to: number, ends: number[]): void {
    const X = to - from;
    if (this.weight.length < X * STATES) {
      this.weight = new Float64Array(X * STATES * 2);
      this.path = new Int32Array(X * STATES * 2);
      this.states = new Int8Array(X * 2);
    }
    const { weight, path, trans, emission, start, states } = this;
    const first = this.rowOf(runes[from] as number);
    for (let y = 0; y < STATES; y++) {
      weight[y * X] = (start[y] as number) + (emission[first + y] as number);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x++) {
      const row = this.rowOf(runes[from + x] as number);
      for (let y = 0; y < STATES; y++) {
        let best = MIN_DOUBLE;
        let before = E;
        const e = emission[row + y] as number;
        for (let pre = 0; pre < STATES; pre++) {
          const w = (weight[x - 1 + pre * X] as number) + (trans[pre * STATES + y] as number) + e;
          if (w > best) {
            best = w;
            before = pre;
          }
        }
        weight[x + y * X] = best;
        path[x + y * X] = before;
      }
    }
    let state = (weight[X - 1 + E * X] as number) >= (weight[X - 1 + S * X] as number) ? E : S;
    // The states from the end back, then each E or S (odd) closes a word.
    for (let x = X - 1; x >= 0; x--) {
      states[x] = state;
      state = path[x + state * X] as number;
    }
    for (let x = 0; x < X; x++) if ((states[x] as number) % 2 === 1) ends.push(from + x + 1);
  }
}

const isLetter = (r: number): boolean => (r >= 97 && r <= 122) || (r >= 65 && r <= 90);
const isDigit = (r: number): boolean => r >= 48 && r <= 57;

/** cppjieba's `SequentialLetterRule`: a letter, then letters and digits. */
function letters(runes: Int32Array, at: number, to: number): number {
  if (!isLetter(runes[at] as number)) return at;
  let i = at + 1;
  while (i < to && (isLetter(runes[i] as number) || isDigit(runes[i] as number))) i++;
  return i;
}

/** cppjieba's `NumbersRule`: a digit, then digits and dots. */
function digits(runes: Int32Array, at: number, to: number): number {
  if (!isDigit(runes[at] as number)) return at;
  let i = at + 1;
  while (i < to && (isDigit(runes[i] as number) || runes[i] === 46)) i++;
  return i;
}
