/**
 * @module dialogs/order/verification-limit
 * How many wrong verification answers one ORDER NUMBER may get, across every conversation and
 * channel: at most 5 an hour (the per-flow "three tries" alone lets a new conversation start
 * over, and four digits are only 10,000 guesses). The count lives in the dialog-state `Storage`
 * under `verification-failures/<order number>` as `{windowStart, failures}`; a window older than
 * an hour counts as zero, so the record expires by itself and holds nothing but the order number.
 *
 * An answer is admitted BEFORE it is checked (the slot is reserved with an eTag-guarded write),
 * and a right answer gives its slot back: parallel guesses cannot all read "0 failures" and slip
 * through. Within one server the writes for one order run one at a time; a write that loses an
 * eTag race to another server throws `KEFU_STORAGE_CONFLICT`, and the chat service runs the turn
 * again on fresh state (nothing was reserved). Order numbers that do not exist are counted the
 * same way, so the lock itself reveals nothing.
 */
import crypto from 'node:crypto';
import type { Storage } from 'botbuilder-core';
import { TurnQueue } from '../../core/turn-queue';

export const MAX_VERIFICATION_FAILURES = 5;
export const VERIFICATION_WINDOW_MS = 60 * 60 * 1000;

/** What is stored per order number. */
export interface VerificationFailures {
  /** When the current window began (ISO 8601). */
  windowStart: string;
  /** Wrong (or still unchecked) answers in the window. */
  failures: number;
}

export interface Admission {
  /** false: the order number is locked; treat the answer as wrong without looking at it. */
  admitted: boolean;
  /** Answers left in the window once this one is counted as wrong (0 when locked). */
  remaining: number;
}

export interface VerificationLimitOptions {
  maxFailures?: number;
  windowMs?: number;
  now?: () => number;
}

/** The storage key of an order number's count; long or odd numbers are hashed. */
export function verificationFailuresKey(orderId: string): string {
  const id = orderId.trim().toUpperCase();
  const plain = /^[A-Z0-9_.:-]{1,64}$/.test(id);
  return `verification-failures/${plain ? id : 'sha256-' + crypto.createHash('sha256').update(id).digest('hex')}`;
}

/** eTag for "create only": no stored item has it, so a record written meanwhile conflicts. */
const CREATE_ONLY = '0';

export class VerificationLimit {
  private readonly queue = new TurnQueue();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly storage: Storage,
    options: VerificationLimitOptions = {},
  ) {
    this.maxFailures = options.maxFailures ?? MAX_VERIFICATION_FAILURES;
    this.windowMs = options.windowMs ?? VERIFICATION_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  /** Reserves a slot for one answer about `orderId` (counted as wrong until `release`). */
  admit(orderId: string): Promise<Admission> {
    return this.update(orderId, (current) => {
      if (current.failures >= this.maxFailures) return { admission: { admitted: false, remaining: 0 } };
      const next = { ...current, failures: current.failures + 1 };
      return { next, admission: { admitted: true, remaining: this.maxFailures - next.failures } };
    });
  }

  /** Gives back the slot of an answer that was right. */
  async release(orderId: string): Promise<void> {
    await this.update(orderId, (current) => ({
      next: current.failures > 0 ? { ...current, failures: current.failures - 1 } : undefined,
      admission: { admitted: true, remaining: 0 },
    }));
  }

  /** The count as it stands (a stale window reads as zero). */
  async failures(orderId: string): Promise<number> {
    const key = verificationFailuresKey(orderId);
    return this.current((await this.storage.read([key]))[key]).failures;
  }

  private update(
    orderId: string,
    change: (current: VerificationFailures) => { next?: VerificationFailures; admission: Admission },
  ): Promise<Admission> {
    const key = verificationFailuresKey(orderId);
    let admission: Admission = { admitted: false, remaining: 0 };
    return this.queue
      .run(key, async () => {
        const stored = (await this.storage.read([key]))[key] as (VerificationFailures & { eTag?: string }) | undefined;
        const result = change(this.current(stored));
        if (result.next) await this.storage.write({ [key]: { ...result.next, eTag: stored?.eTag ?? CREATE_ONLY } });
        admission = result.admission;
      })
      .then(() => admission);
  }

  private current(stored: Partial<VerificationFailures> | undefined): VerificationFailures {
    const start = Date.parse(stored?.windowStart ?? '');
    const now = this.now();
    if (!Number.isFinite(start) || now - start >= this.windowMs || typeof stored?.failures !== 'number') {
      return { windowStart: new Date(now).toISOString(), failures: 0 };
    }
    return { windowStart: stored.windowStart!, failures: stored.failures };
  }
}
