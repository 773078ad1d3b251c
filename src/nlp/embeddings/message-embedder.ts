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
import type { EmbeddingLang } from './embeddings-file';

export class MessageEmbedder {
  /** Reused by `embed` (synchronous, so never shared). */
  private readonly out: Float64Array;

  private readonly useZh: boolean;
  private readonly useEn: boolean;

  /** @param langs the parts filled; the other part stays zeros (its dimensions are kept). */
  constructor(
    readonly zh: WordVectors,
    readonly en: WordVectors,
    langs: readonly EmbeddingLang[] = ['zh', 'en'],
  ) {
    this.out = new Float64Array(zh.dim + en.dim);
    this.useZh = langs.includes('zh');
    this.useEn = langs.includes('en');
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
        if (this.useZh) this.zh.addInto(tag, out, 0);
        if (this.useEn) this.en.addInto(tag, out, enAt);
      } else if (t.kind === 'han') {
        if (this.useZh && !this.zh.addInto(t.norm, out, 0)) for (const ch of t.norm) this.zh.addInto(ch, out, 0);
      } else if (t.kind === 'word' && this.useEn) {
        this.en.addInto(t.norm, out, enAt);
      }
    }
    return normalize(out, 0, out.length);
  }
}

let shipped: { zh: WordVectors; en: WordVectors } | undefined;

/** An embedder of the shipped vectors (`models/embeddings-{zh,en}.bin`, read once) filling `langs`' parts. */
export function shippedEmbedder(langs?: readonly EmbeddingLang[]): MessageEmbedder {
  shipped ??= { zh: WordVectors.read(embeddingsFile('zh')), en: WordVectors.read(embeddingsFile('en')) };
  return new MessageEmbedder(shipped.zh, shipped.en, langs);
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
