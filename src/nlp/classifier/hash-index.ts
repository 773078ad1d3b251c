/**
 * @module nlp/classifier/hash-index
 * Feature hash → vector index: an open-addressing table over typed arrays (linear probing),
 * several times faster than a `Map` in the prediction hot path.
 */

export class HashIndex {
  private readonly keys: Int32Array;
  /** Index + 1; 0 marks an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** @param hashes distinct feature hashes; hash `hashes[i]` maps to `i`. */
  constructor(hashes: ArrayLike<number>) {
    let size = 16;
    while (size < hashes.length * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < hashes.length; i++) {
      const h = (hashes[i] as number) | 0;
      let s = mix(h) & this.mask;
      while (this.slots[s] !== 0) {
        if (this.keys[s] === h) throw new Error(`duplicate feature hash ${h}`);
        s = (s + 1) & this.mask;
      }
      this.keys[s] = h;
      this.slots[s] = i + 1;
    }
  }

  /** The index of the hash, or -1. @example new HashIndex([7, 9]).get(9) // 1 */
  get(hash: number): number {
    let s = mix(hash) & this.mask;
    for (;;) {
      const slot = this.slots[s] as number;
      if (slot === 0) return -1;
      if (this.keys[s] === hash) return slot - 1;
      s = (s + 1) & this.mask;
    }
  }
}

/** Spreads the high bits into the low ones (FNV's low bits alone cluster on similar n-grams). */
function mix(h: number): number {
  return h ^ (h >>> 16);
}
