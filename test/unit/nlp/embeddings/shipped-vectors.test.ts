import fs from 'node:fs';
import { tokenize } from '../../../../src/nlp/tokenizer';
import { WordVectors } from '../../../../src/nlp/embeddings/word-vectors';
import { embeddingsFile } from '../../../../src/nlp/embeddings/embeddings-file';
import { shippedEmbedder, shippedEmbeddingsHash } from '../../../../src/nlp/embeddings/message-embedder';

/** The vocabulary word of a written word: its token's `norm` (the English stemmer's, e.g. `deliveri`). */
const unit = (word: string): string => {
  const tokens = tokenize(word);
  expect(tokens).toHaveLength(1);
  return (tokens[0] as { norm: string }).norm;
};

describe('shipped word vectors (models/embeddings-*.bin)', () => {
  const cases = [
    { lang: 'zh' as const, near: ['快递', '物流'], far: ['快递', '屏幕'], near2: ['退货', '退款'], far2: ['退货', '键盘'], message: '快递怎么还没到' },
    { lang: 'en' as const, near: ['delivery', 'shipping'], far: ['delivery', 'headphones'], near2: ['refund', 'return'], far2: ['refund', 'serum'], message: 'where is my parcel, it has not arrived' },
  ];

  for (const c of cases) {
    describe(c.lang, () => {
      const vectors = WordVectors.read(embeddingsFile(c.lang));

      it('should load a vocabulary and one vector per word, small enough to ship', () => {
        expect(vectors.header.lang).toBe(c.lang);
        expect(vectors.dim).toBeGreaterThanOrEqual(32);
        expect(vectors.size).toBeGreaterThan(2000);
        expect(vectors.header.weights).toHaveLength(vectors.size);
        expect(fs.statSync(embeddingsFile(c.lang)).size).toBeLessThan(4 * 1024 * 1024);
        const v = vectors.vector(unit(c.near[0] as string));
        expect(v).toBeDefined();
        expect(Math.hypot(...(v as Float32Array))).toBeCloseTo(1, 1);
      });

      it('should put related shop words nearer than unrelated ones', () => {
        const sim = ([a, b]: string[]): number => vectors.similarity(unit(a as string), unit(b as string)) as number;
        expect(sim(c.near)).toBeGreaterThan(sim(c.far));
        expect(sim(c.near2)).toBeGreaterThan(sim(c.far2));
      });

      it("should give a message the same unit vector every time, and none to unknown words", () => {
        const a = vectors.embed(tokenize(c.message));
        const b = vectors.embed(tokenize(c.message));
        expect(Array.from(a)).toEqual(Array.from(b));
        expect(Math.hypot(...a)).toBeCloseTo(1, 6);
        expect(Array.from(vectors.embed(tokenize('qqqzzzxxq')).filter((x) => x !== 0))).toEqual([]);
      });
    });
  }

  it('should embed a message into its language part of the combined vector, deterministically', () => {
    const embedder = shippedEmbedder();
    const zhDim = embedder.zh.dim;
    const zh = Array.from(embedder.embed(tokenize('快递怎么还没到')));
    expect(Array.from(embedder.embed(tokenize('快递怎么还没到')))).toEqual(zh);
    expect(zh.slice(zhDim).every((x) => x === 0)).toBe(true);
    expect(zh.slice(0, zhDim).some((x) => x !== 0)).toBe(true);
    const en = Array.from(embedder.embed(tokenize('where is my parcel')));
    expect(en.slice(0, zhDim).every((x) => x === 0)).toBe(true);
    expect(en.slice(zhDim).some((x) => x !== 0)).toBe(true);
    expect(shippedEmbeddingsHash()).toMatch(/^[0-9a-f]{16}$/);
  });
});
