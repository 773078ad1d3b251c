/**
 * @module channels/wechat/recent-keys
 * Keys remembered for a while and then forgotten, at most `max` of them (the oldest go first):
 * enough to recognise WeChat's retries of a message, which come within seconds.
 */
export class RecentKeys {
  /** Key → when it was added (ms); a Map iterates in insertion order, oldest first. */
  private readonly added = new Map<string, number>();

  constructor(
    /** @default 60000 */
    private readonly ttlMs = 60_000,
    /** @default 10000 */
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(key: string): void {
    this.prune();
    this.added.delete(key);
    this.added.set(key, this.now());
    if (this.added.size > this.max) this.added.delete(this.added.keys().next().value as string);
  }

  has(key: string): boolean {
    const at = this.added.get(key);
    return at !== undefined && this.now() - at < this.ttlMs;
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [key, at] of this.added) {
      if (at >= cutoff) break;
      this.added.delete(key);
    }
  }
}
