/**
 * @module nlp/embeddings/word-vectors
 * Word vectors trained here (`train-embeddings.ts`) and shipped as `models/embeddings-<lang>.bin`:
 * a vocabulary and one int8 vector per word, nothing else (no sentence of any corpus).
 *
 * File layout (little-endian): the 8 bytes `KEFUEMB1`, a uint32 header length, the header as
 * UTF-8 JSON (`EmbeddingsHeader`: dimension, words in row order, provenance), then per word a
 * float32 scale, then the rows as int8 (`value = int8 × scale`). Rows are unit length before
 * quantisation; a 30,000-word, 64-dimension file is about 2.3 MB.
 */
import fs from 'node:fs';
import type { NluToken } from '../token-types';

const MAGIC = 'KEFUEMB1';

export interface EmbeddingsHeader {
  lang: string;
  dim: number;
  /** The vocabulary, in row order: tokens' `norm` as `tokenize` gives them (`<tag>` for codes). */
  words: string[];
  /**
   * Each word's weight in a message's mean vector, a / (a + p(word)) with p the word's share
   * of the training tokens (smooth inverse frequency, Arora et al. 2017), rounded to 3 digits.
   */
  weights: number[];
  /** How the vectors were made (corpora, tokens, epochs, seed…), for the record. */
  trainedOn: Record<string, unknown>;
}

export class WordVectors {
  private readonly rows = new Map<string, number>();

  constructor(
    readonly header: EmbeddingsHeader,
    /** `words.length × dim` values, dequantised. */
    private readonly data: Float32Array,
  ) {
    header.words.forEach((w, i) => this.rows.set(w, i));
  }

  get dim(): number {
    return this.header.dim;
  }

  get size(): number {
    return this.header.words.length;
  }

  /** Row of `word`, or -1. */
  row(word: string): number {
    return this.rows.get(word) ?? -1;
  }

  /** A copy of the word's vector, or undefined for a word not in the vocabulary. */
  vector(word: string): Float32Array | undefined {
    const r = this.row(word);
    return r < 0 ? undefined : this.data.slice(r * this.dim, (r + 1) * this.dim);
  }

  /** Cosine similarity of two words (undefined when either is unknown). */
  similarity(a: string, b: string): number | undefined {
    const ra = this.row(a);
    const rb = this.row(b);
    if (ra < 0 || rb < 0) return undefined;
    const d = this.dim;
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let k = 0; k < d; k++) {
      const x = this.data[ra * d + k] as number;
      const y = this.data[rb * d + k] as number;
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    return dot / Math.sqrt(na * nb);
  }

  /**
   * Adds `weight(word) × vector(word)` into `out` (from `offset`) for a known word; returns
   * whether it was known.
   */
  addInto(word: string, out: Float64Array, offset = 0): boolean {
    const r = this.rows.get(word);
    if (r === undefined) return false;
    const w = this.header.weights[r] as number;
    const d = this.dim;
    const base = r * d;
    for (let k = 0; k < d; k++) out[offset + k] = (out[offset + k] as number) + w * (this.data[base + k] as number);
    return true;
  }

  /**
   * A message's vector: the weighted mean of its known words' vectors, unit length (all zeros
   * when no word is known). Deterministic: the same tokens give the same vector.
   * @example vectors.embed(tokenize('快递到哪了'))
   */
  embed(tokens: readonly NluToken[], unit: (t: NluToken) => string | undefined = embeddingUnit): Float64Array {
    const out = new Float64Array(this.dim);
    for (const t of tokens) {
      const u = unit(t);
      if (u !== undefined) this.addInto(u, out);
    }
    return normalize(out, 0, this.dim);
  }

  /** The file's bytes (see the module comment). */
  toBuffer(): Buffer {
    const d = this.dim;
    const n = this.size;
    const scales = new Float32Array(n);
    const q = new Int8Array(n * d);
    for (let r = 0; r < n; r++) {
      let max = 0;
      for (let k = 0; k < d; k++) max = Math.max(max, Math.abs(this.data[r * d + k] as number));
      const scale = max > 0 ? max / 127 : 1;
      scales[r] = scale;
      for (let k = 0; k < d; k++) q[r * d + k] = Math.round((this.data[r * d + k] as number) / scale);
    }
    const header = Buffer.from(JSON.stringify(this.header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(header.length, 0);
    return Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, header, Buffer.from(scales.buffer), Buffer.from(q.buffer)]);
  }

  static fromBuffer(buf: Buffer): WordVectors {
    if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a kefu embeddings file (bad magic)');
    const headerLength = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + headerLength)) as EmbeddingsHeader;
    const n = header.words.length;
    const d = header.dim;
    if (!Number.isInteger(d) || d <= 0 || header.weights.length !== n) throw new Error('invalid embeddings header');
    const start = 12 + headerLength;
    if (buf.length !== start + n * 4 + n * d) throw new Error(`embeddings file has ${buf.length} bytes, expected ${start + n * 4 + n * d}`);
    // Copied out: the buffer's offset need not be aligned for a Float32Array view.
    const scales = new Float32Array(buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + start + n * 4));
    const q = new Int8Array(buf.buffer.slice(buf.byteOffset + start + n * 4, buf.byteOffset + start + n * 4 + n * d));
    const data = new Float32Array(n * d);
    for (let r = 0; r < n; r++) for (let k = 0; k < d; k++) data[r * d + k] = (q[r * d + k] as number) * (scales[r] as number);
    return new WordVectors(header, data);
  }

  static read(file: string): WordVectors {
    return WordVectors.fromBuffer(fs.readFileSync(file));
  }
}

/** Scales `v[offset…offset+dim)` to unit length in place (zeros stay zeros); returns `v`. */
export function normalize(v: Float64Array, offset: number, dim: number): Float64Array {
  let s = 0;
  for (let k = offset; k < offset + dim; k++) s += (v[k] as number) ** 2;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (let k = offset; k < offset + dim; k++) v[k] = (v[k] as number) * inv;
  }
  return v;
}

/** The word a token has a vector for: its `norm` for words, `<tag>` for codes, none for punctuation. */
export function embeddingUnit(t: NluToken): string | undefined {
  if (t.tag) return `<${t.tag}>`;
  return t.kind === 'han' || t.kind === 'word' ? t.norm : undefined;
}
