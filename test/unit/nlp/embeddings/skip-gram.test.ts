import { trainSkipGram } from '../../../../src/nlp/embeddings/skip-gram';
import { WordVectors } from '../../../../src/nlp/embeddings/word-vectors';

/**
 * A toy corpus written for this test: two topics, words of one topic always share contexts.
 * ids 0-3: parcel words (zh: 快递 物流 包裹 到货); 4-7: make-up words (口红 粉底 色号 眼影).
 */
function toyCorpus(): { sentences: Int32Array[]; counts: number[] } {
  const sentences: Int32Array[] = [];
  for (let i = 0; i < 400; i++) {
    const topic = i % 2 === 0 ? [0, 1, 2, 3] : [4, 5, 6, 7];
    sentences.push(Int32Array.from([0, 1, 2, 3, 0, 1].map((k) => topic[(k + i) % 4] as number)));
  }
  const counts = new Array<number>(8).fill(0);
  for (const s of sentences) for (const w of s) counts[w] = (counts[w] as number) + 1;
  return { sentences, counts };
}

const words = ['快递', '物流', '包裹', '到货', 'lipstick', 'foundation', 'shade', 'eyeshadow'];

function train(seed: number): WordVectors {
  const { sentences, counts } = toyCorpus();
  const data = trainSkipGram(sentences, counts, { dim: 16, epochs: 5, seed, subsample: 1 });
  return new WordVectors({ lang: 'toy', dim: 16, words, weights: words.map(() => 1), trainedOn: {} }, data);
}

describe('trainSkipGram', () => {
  it('should be deterministic for a seed', () => {
    expect(Array.from(train(3).vector('快递') as Float32Array)).toEqual(Array.from(train(3).vector('快递') as Float32Array));
  });

  it('should put words of shared contexts nearer (zh and en words of the toy corpus)', () => {
    const v = train(1);
    expect(v.similarity('快递', '物流') as number).toBeGreaterThan(v.similarity('快递', 'lipstick') as number);
    expect(v.similarity('lipstick', 'shade') as number).toBeGreaterThan(v.similarity('lipstick', '包裹') as number);
  });
});

describe('WordVectors file', () => {
  it('should read back what it wrote, within int8 quantisation', () => {
    const v = train(2);
    const back = WordVectors.fromBuffer(v.toBuffer());
    expect(back.header.words).toEqual(words);
    for (const w of words) {
      const a = v.vector(w) as Float32Array;
      const b = back.vector(w) as Float32Array;
      const max = Math.max(...a.map(Math.abs));
      a.forEach((x, k) => expect(Math.abs(x - (b[k] as number))).toBeLessThanOrEqual(max / 127 / 2 + 1e-7));
    }
  });

  it('should refuse a file that is not one', () => {
    expect(() => WordVectors.fromBuffer(Buffer.from('not vectors at all'))).toThrow(/magic/);
    const cut = train(2).toBuffer().subarray(0, 200);
    expect(() => WordVectors.fromBuffer(Buffer.from(cut))).toThrow();
  });
});
