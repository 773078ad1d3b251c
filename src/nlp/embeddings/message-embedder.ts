/**
 * @module nlp/embeddings/message-embedder
 * A message's dense vector from the shipped word vectors: Chinese words' vectors (zh file) in the
 * first part, English words' (en file) in the second, each the SIF-weighted sum of its words,
 * the whole made unit length. A Chinese word jieba cut that the vocabulary lacks backs off to
 * its characters. `TfidfVectorizer` appends it to the sparse features (`FeatureOptions.embeddings`).
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import type { NluToken } from '../token-types';
import { WordVectors, normalize } from './word-vectors';
import { embeddingsFile } from './embeddings-file';

export class MessageEmbedder {
  /** Reused by `embed` (synchronous, so never shared). */
  private readonly out: Float64Array;

  constructor(
    readonly zh: WordVectors,
    readonly en: WordVectors,
  ) {
    this.out = new Float64Array(zh.dim + en.dim);
  }

  get dim(): number {
    return this.zh.dim + this.en.dim;
  }

  /**
   * The message's vector (a scratch array, overwritten by the next call; all zeros when no
   * word is known).
   */
  embed(tokens: readonly NluToken[]): Float64Array {
    const out = this.out;
    out.fill(0);
    const enAt = this.zh.dim;
    for (const t of tokens) {
      if (t.tag) {
        const tag = `<${t.tag}>`;
        this.zh.addInto(tag, out, 0);
        this.en.addInto(tag, out, enAt);
      } else if (t.kind === 'han') {
        if (!this.zh.addInto(t.norm, out, 0)) for (const ch of t.norm) this.zh.addInto(ch, out, 0);
      } else if (t.kind === 'word') {
        this.en.addInto(t.norm, out, enAt);
      }
    }
    return normalize(out, 0, out.length);
  }
}

let shipped: MessageEmbedder | undefined;

/** The shipped vectors (`models/embeddings-{zh,en}.bin`), read once. */
export function shippedEmbedder(): MessageEmbedder {
  shipped ??= new MessageEmbedder(WordVectors.read(embeddingsFile('zh')), WordVectors.read(embeddingsFile('en')));
  return shipped;
}

/** A digest of the shipped vector files, for cache keys of models whose features use them. */
export function shippedEmbeddingsHash(): string {
  const h = createHash('sha256');
  for (const lang of ['zh', 'en'] as const) {
    const file = embeddingsFile(lang);
    h.update(fs.existsSync(file) ? fs.readFileSync(file) : `missing:${lang}`);
  }
  return h.digest('hex').slice(0, 16);
}
