/**
 * @module staff/login-rate-limiter
 * Failed console logins per login name and per client address in a sliding window: after
 * `maxFailures` within `windowMs` further attempts are refused (429) until the oldest failure
 * leaves the window. A success clears the name's failures (not the address's).
 */

export interface LoginRateLimitOptions {
  /** @default 5 */
  maxFailures: number;
  /** @default 15 minutes */
  windowMs: number;
  /** @default Date.now */
  now: () => number;
}

const DEFAULTS: LoginRateLimitOptions = { maxFailures: 5, windowMs: 15 * 60 * 1000, now: Date.now };
/** Keys kept at most; the oldest are forgotten first (bounds memory under a spray of names). */
const MAX_KEYS = 10_000;

export class LoginRateLimiter {
  private readonly options: LoginRateLimitOptions;
  /** `name:<name>` / `ip:<address>` → failure times, oldest first. */
  private readonly failures = new Map<string, number[]>();

  constructor(options: Partial<LoginRateLimitOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True when either the name or the address has used up its failures. */
  blocked(name: string, ip: string): boolean {
    return this.recent(nameKey(name)).length >= this.options.maxFailures || this.recent(ipKey(ip)).length >= this.options.maxFailures;
  }

  fail(name: string, ip: string): void {
    for (const key of [nameKey(name), ipKey(ip)]) {
      const times = this.recent(key);
      times.push(this.options.now());
      this.failures.delete(key); // re-inserted last: the map stays ordered by last failure
      this.failures.set(key, times);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(name: string): void {
    this.failures.delete(nameKey(name));
  }

  private recent(key: string): number[] {
    const since = this.options.now() - this.options.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }
}

const nameKey = (name: string): string => `name:${name.trim().toLowerCase()}`;
const ipKey = (ip: string): string => `ip:${ip}`;
