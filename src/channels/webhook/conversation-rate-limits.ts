/**
 * @module channels/webhook/conversation-rate-limits
 * The shared token bucket (`chat/rate-limiter`), one per webhook conversation. A bucket left
 * idle long enough to be full again is the same as a new one, so it is dropped: the map holds
 * only the conversations active in the last `burst / perSecond` seconds.
 */
import { RateLimiter } from '../../chat/rate-limiter';
import type { RateLimitConfig } from '../../config';

const SWEEP_EVERY_MS = 10_000;

export class ConversationRateLimits {
  private readonly buckets = new Map<string, { limiter: RateLimiter; lastUsed: number }>();
  private readonly refillMs: number;
  private nextSweep = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = Date.now,
  ) {
    // With no refill a bucket never becomes new again, so it is never dropped.
    this.refillMs = config.perSecond > 0 ? (config.burst / config.perSecond) * 1000 : Infinity;
  }

  /** Takes one message from the conversation's bucket; false when it is over its rate. */
  take(conversationId: string): boolean {
    const now = this.now();
    this.sweep(now);
    let bucket = this.buckets.get(conversationId);
    if (!bucket) {
      bucket = { limiter: new RateLimiter(this.config.burst, this.config.perSecond, this.now), lastUsed: now };
      this.buckets.set(conversationId, bucket);
    }
    bucket.lastUsed = now;
    return bucket.limiter.take();
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [id, bucket] of this.buckets) if (now - bucket.lastUsed >= this.refillMs) this.buckets.delete(id);
  }
}
