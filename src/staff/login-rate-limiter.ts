/**
 * @module staff/login-rate-limiter
 * Failed console logins per login name and per client address in a sliding window: after
 * `maxFailures` within `windowMs` further attempts are refused (429) until the oldest failure
 * leaves the window. A success clears the name's failures (not the address's). Attempts still
 * being checked count as failures until they end, so a burst of concurrent logins cannot get
 * more password checks than the limit allows.
 */
import { isIPv6 } from 'node:net';

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
  /** Keys of attempts begun and not yet ended → how many (only while a password is being checked). */
  private readonly pending = new Map<string, number>();

  constructor(options: Partial<LoginRateLimitOptions> = {}) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** True when either the name or the address has used up its failures (attempts in progress included). */
  blocked(name: string, ip: string): boolean {
    return [nameKey(name), ipKey(ip)].some((key) => this.recent(key).length + (this.pending.get(key) ?? 0) >= this.options.maxFailures);
  }

  /**
   * Starts an attempt unless blocked: until `end`, it counts against the name and the address.
   * @example if (!limiter.begin(name, ip)) throw tooMany(); try { ok = await check(); } finally { limiter.end(name, ip); }
   */
  begin(name: string, ip: string): boolean {
    if (this.blocked(name, ip)) return false;
    for (const key of [nameKey(name), ipKey(ip)]) this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    return true;
  }

  /** Ends an attempt started with `begin` (then `fail` or `succeed` records how it went). */
  end(name: string, ip: string): void {
    for (const key of [nameKey(name), ipKey(ip)]) {
      const n = (this.pending.get(key) ?? 0) - 1;
      if (n > 0) this.pending.set(key, n);
      else this.pending.delete(key);
    }
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

/**
 * The address as the limit counts it. An IPv6 client is usually given a whole /64 and can use
 * any address in it, so its first four groups are the key; IPv4 (also IPv4-mapped) is one address.
 */
function ipKey(ip: string): string {
  const address = ip.split('%')[0];
  if (!isIPv6(address) || address.includes('.')) return `ip:${ip}`;
  const [head, tail] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return `ip:${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
