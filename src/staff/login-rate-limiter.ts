/**
 * @module staff/login-rate-limiter
 * Failed console logins, counted so that nobody can lock another person out (issue 14 item 7):
 * - per (name, client address): `pairFailures` free failures, then a lock that doubles with each
 *   further failure (1 min, 2, 4 … up to `maxLockMs`). The guesser is slowed; the same name from
 *   another address is not affected. A success clears it.
 * - per address, across names: `addressFailures` in `windowMs` (one address spraying names).
 * - per name, across addresses: `nameFailures` in `windowMs`, much higher than per pair (many
 *   addresses guessing one name). It never applies to an address the name has logged in from
 *   before, so a flood from elsewhere cannot keep the admin out of their own office.
 * Attempts still being checked count as failures until they end, so a burst of concurrent logins
 * cannot get more password checks than the limits allow. Addresses are keyed as the chat limits
 * key them (`chat/client-address`): an IPv6 client by its /64, IPv4-mapped as plain IPv4.
 */
import { addressKey as clientAddress } from '../chat/client-address';

export interface LoginRateLimitOptions {
  /** Failures of one name from one address before its lock starts. @default 5 */
  pairFailures: number;
  /** The first lock of a (name, address); each further failure doubles it. @default 1 minute */
  baseLockMs: number;
  /** The longest lock. @default 1 hour */
  maxLockMs: number;
  /** A (name, address)'s failures are forgotten this long after its last one. @default 24 hours */
  forgetMs: number;
  /** Failures from one address, any names, within `windowMs`. @default 20 */
  addressFailures: number;
  /** Failures of one name, any addresses it never logged in from, within `windowMs`. @default 100 */
  nameFailures: number;
  /** @default 15 minutes */
  windowMs: number;
  /** @default Date.now */
  now: () => number;
}

const MINUTE = 60 * 1000;
const DEFAULTS: LoginRateLimitOptions = {
  pairFailures: 5,
  baseLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
  forgetMs: 24 * 60 * MINUTE,
  addressFailures: 20,
  nameFailures: 100,
  windowMs: 15 * MINUTE,
  now: Date.now,
};
/** Keys kept at most per map; the least recently touched are forgotten first (bounds memory under a spray of names). */
const MAX_KEYS = 10_000;
/** What to tell a client held up only by attempts still in progress. */
const PENDING_RETRY_MS = 1000;

interface PairState {
  failures: number;
  last: number;
  lockedUntil: number;
}

/** 0 when an attempt may start now, else how long to wait. */
export type RetryAfterMs = number;

export class LoginRateLimiter {
  private readonly options: LoginRateLimitOptions;
  private readonly pairs = new Map<string, PairState>();
  /** `ip:<address>` / `name:<name>` → failure times, oldest first. */
  private readonly windows = new Map<string, number[]>();
  /** Pair keys that logged in successfully (their name's flood limit does not apply to them). */
  private readonly known = new Map<string, number>();
  /** Keys of attempts begun and not yet ended → how many. */
  private readonly pending = new Map<string, number>();

  constructor(options: Partial<LoginRateLimitOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True when the name has logged in from this address before (its checks may go first). */
  isKnown(name: string, ip: string): boolean {
    return this.known.has(pairKey(name, ip));
  }

  /** How long an attempt of `name` from `ip` must wait (0: it may start now). Attempts in progress count. */
  retryAfter(name: string, ip: string): RetryAfterMs {
    const now = this.options.now();
    const pair = pairKey(name, ip);
    const waits = [this.pairWait(pair, now), this.windowWait(addressKey(ip), this.options.addressFailures, now)];
    if (!this.known.has(pair)) waits.push(this.windowWait(nameKey(name), this.options.nameFailures, now));
    return Math.max(...waits);
  }

  blocked(name: string, ip: string): boolean {
    return this.retryAfter(name, ip) > 0;
  }

  /**
   * Starts an attempt unless it must wait: until `end`, it counts against the pair, the address and the name.
   * @example const wait = limiter.begin(name, ip); if (wait) throw tooMany(wait); try { ok = await check(); } finally { limiter.end(name, ip); }
   */
  begin(name: string, ip: string): RetryAfterMs {
    const wait = this.retryAfter(name, ip);
    if (wait > 0) return wait;
    for (const key of keysOf(name, ip)) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return 0;
  }

  /** Ends an attempt started with `begin` (then `fail` or `succeed` records how it went). */
  end(name: string, ip: string): void {
    for (const key of keysOf(name, ip)) {
      const n = (this.pending.get(key) ?? 0) - 1;
      if (n > 0) this.pending.set(key, n);
      else this.pending.delete(key);
    }
  }

  fail(name: string, ip: string): void {
    const now = this.options.now();
    const key = pairKey(name, ip);
    const state = this.livePair(key, now) ?? { failures: 0, last: now, lockedUntil: 0 };
    state.failures += 1;
    state.last = now;
    const over = state.failures - this.options.pairFailures;
    if (over >= 0) state.lockedUntil = now + Math.min(this.options.maxLockMs, this.options.baseLockMs * 2 ** Math.min(over, 30));
    touch(this.pairs, key, state);
    for (const windowKey of [addressKey(ip), nameKey(name)]) touch(this.windows, windowKey, [...this.recent(windowKey, now), now]);
  }

  /** A success clears the pair and remembers the address for the name; the address's and name's windows stay. */
  succeed(name: string, ip: string): void {
    const key = pairKey(name, ip);
    this.pairs.delete(key);
    touch(this.known, key, this.options.now());
  }

  private livePair(key: string, now: number): PairState | undefined {
    const state = this.pairs.get(key);
    if (state && now - state.last > this.options.forgetMs && now >= state.lockedUntil) {
      this.pairs.delete(key);
      return undefined;
    }
    return state;
  }

  /** A pair's wait: its lock, else room for one more attempt (all free ones before the lock, then one at a time). */
  private pairWait(key: string, now: number): number {
    const state = this.livePair(key, now);
    if (state && now < state.lockedUntil) return state.lockedUntil - now;
    const failures = state?.failures ?? 0;
    const room = failures < this.options.pairFailures ? this.options.pairFailures - failures : 1;
    return (this.pending.get(key) ?? 0) >= room ? PENDING_RETRY_MS : 0;
  }

  private windowWait(key: string, max: number, now: number): number {
    const times = this.recent(key, now);
    const pending = this.pending.get(key) ?? 0;
    if (times.length + pending < max) return 0;
    // Full of past failures: until enough leave the window; full of attempts in progress: shortly.
    const leaving = times.length - max + pending;
    return leaving >= 0 && leaving < times.length ? Math.max(PENDING_RETRY_MS, times[leaving] + this.options.windowMs - now) : PENDING_RETRY_MS;
  }

  private recent(key: string, now: number): number[] {
    const since = now - this.options.windowMs;
    const times = (this.windows.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.windows.delete(key);
    return times;
  }
}

/** Sets `key` as the most recent entry of `map`, dropping the oldest beyond `MAX_KEYS`. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value as string);
}

const normalName = (name: string): string => name.trim().toLowerCase();
const nameKey = (name: string): string => `name:${normalName(name)}`;
const addressKey = (ip: string): string => `ip:${clientAddress(ip)}`;
const pairKey = (name: string, ip: string): string => `pair:${clientAddress(ip)}:${normalName(name)}`;
const keysOf = (name: string, ip: string): string[] => [pairKey(name, ip), addressKey(ip), nameKey(name)];
