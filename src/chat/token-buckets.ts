/**
 * @module chat/token-buckets
 * Token buckets by key (a socket, a conversation, a client address), cheap enough to check on
 * every event: no timer per bucket, a bucket is only computed when its key is seen again, a
 * bucket that has refilled is the same as none and is dropped, and at most `maxKeys` are kept
 * (the least recently used goes first), so an attacker with many keys costs bounded memory.
 */
import type { RateSpec } from '../config';

interface Bucket {
  tokens: number;
  at: number;
}

/** What a refusal tells the client when the bucket never refills (`perMinute` 0). */
const NEVER_MS = 3_600_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly spec: RateSpec,
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this limit is on (`burst` 0 turns it off). */
  get enabled(): boolean {
    return this.spec.burst > 0;
  }

  /** Milliseconds until `key` has a token again; 0 when it has one now. Takes nothing. */
  wait(key: string, now = this.now()): number {
    if (!this.enabled) return 0;
    const level = this.level(key, now);
    if (level >= 1) return 0;
    if (this.spec.perMinute <= 0) return NEVER_MS;
    return Math.ceil(((1 - level) * 60_000) / this.spec.perMinute);
  }

  /** Takes one token from `key` (callers check `wait` first); the bucket becomes the most recently used. */
  take(key: string, now = this.now()): void {
    if (!this.enabled) return;
    const tokens = this.level(key, now) - 1;
    this.buckets.delete(key);
    if (this.buckets.size >= this.maxKeys) this.evictOldest();
    this.buckets.set(key, { tokens, at: now });
  }

  /** Drops `key`'s bucket (a socket that disconnected). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** Buckets held now (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Tokens `key` has at `now`; a bucket that has refilled is dropped. */
  private level(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.spec.burst;
    const refilled = bucket.tokens + (Math.max(0, now - bucket.at) * this.spec.perMinute) / 60_000;
    if (refilled >= this.spec.burst) {
      this.buckets.delete(key);
      return this.spec.burst;
    }
    return refilled;
  }

  private evictOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}

/**
 * Takes one token from every `[buckets, key]` pair, or from none: the answer is 0 when all had
 * one, else the longest wait (the client's retry-after). `now` defaults to each bucket's clock.
 */
export function takeAll(checks: readonly (readonly [TokenBuckets, string])[], now?: number): number {
  let wait = 0;
  for (const [buckets, key] of checks) wait = Math.max(wait, buckets.wait(key, now));
  if (wait > 0) return wait;
  for (const [buckets, key] of checks) buckets.take(key, now);
  return 0;
}
