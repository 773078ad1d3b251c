import { HashIndex } from '../../../../src/nlp/classifier/hash-index';
import { hashFeature } from '../../../../src/nlp/classifier/feature-hash';

describe('HashIndex', () => {
  it('should find every hash it was built with and miss the others', () => {
    const hashes = Array.from({ length: 5000 }, (_, i) => hashFeature(`w:${i}`));
    const index = new HashIndex(hashes);
    hashes.forEach((h, i) => expect(index.get(h)).toBe(i));
    expect(index.get(hashFeature('w:unseen'))).toBe(-1);
    expect(new HashIndex([]).get(0)).toBe(-1);
  });

  it('should reject duplicate hashes', () => {
    expect(() => new HashIndex([3, 3])).toThrow(/duplicate/);
  });
});
