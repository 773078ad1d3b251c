/**
 * @module channels/webhook/replay-guard
 * Refuses a signed request seen before. A signature is only accepted while its timestamp is
 * within the window, so it is remembered exactly that long and then forgotten: the memory is
 * bounded by the (signed, hence trusted) traffic of one window, and a hard cap refuses rather
 * than forgets when even that is exceeded. Per process: with several servers, a replay sent to
 * another one is still answered once (the message id is stored), but not refused with 401.
 */

export type ReplayVerdict = 'fresh' | 'replay' | 'full';

export interface ReplayGuardOptions {
  /** Seconds a signature stays valid after (and before) its timestamp. @default 300 */
  windowSeconds?: number;
  /** Signatures remembered at most; beyond that new requests are refused. @default 100000 */
  maxEntries?: number;
  now?: () => number;
}

/** How often expired entries are swept (lazily, on use; there is no timer to stop). */
const SWEEP_EVERY_MS = 10_000;

export class ReplayGuard {
  /** signature → when it may be forgotten (ms). */
  private readonly seen = new Map<string, number>();
  private readonly windowMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private nextSweep = 0;

  constructor(options: ReplayGuardOptions = {}) {
    this.windowMs = (options.windowSeconds ?? 300) * 1000;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Remembers the signature of a request signed at `timestampSeconds`; `replay` when it was
   * seen within the window, `full` when the cap is reached.
   * @example if (guard.check(sig, ts) !== 'fresh') throw unauthorized('replay');
   */
  check(signature: string, timestampSeconds: number): ReplayVerdict {
    const now = this.now();
    this.sweep(now);
    const until = this.seen.get(signature);
    if (until !== undefined && until >= now) return 'replay';
    if (until === undefined && this.seen.size >= this.maxEntries) return 'full';
    this.seen.set(signature, timestampSeconds * 1000 + this.windowMs);
    return 'fresh';
  }

  /** Whether `signature` is remembered (seen within its window), without remembering anything. */
  has(signature: string): boolean {
    const until = this.seen.get(signature);
    return until !== undefined && until >= this.now();
  }

  /** Signatures currently remembered. */
  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep && this.seen.size < this.maxEntries) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [signature, until] of this.seen) if (until < now) this.seen.delete(signature);
  }
}
