/**
 * The login rate limits: per (name, address) with a doubling lock, per address across names, and
 * per name across addresses except those the name logged in from before.
 */
import { LoginRateLimiter } from '../../src/staff/login-rate-limiter';

const MINUTE = 60 * 1000;

describe('LoginRateLimiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('should lock a name from one address after 5 failures, and not the same name from another address', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.retryAfter('li.na', '10.0.0.66')).toBe(0);
      limiter.fail('li.na', '10.0.0.66');
    }
    expect(limiter.retryAfter('li.na', '10.0.0.66')).toBe(MINUTE);
    expect(limiter.blocked('LI.NA ', '10.0.0.66')).toBe(true);
    expect(limiter.blocked('li.na', '10.0.0.2')).toBe(false);
    expect(limiter.blocked('wang.wei', '10.0.0.66')).toBe(false);
  });

  it('should double the lock with each further failure, up to the maximum, and clear it on success', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now, maxLockMs: 8 * MINUTE });
    for (let i = 0; i < 5; i++) limiter.fail('li.na', '10.0.0.66');
    const locks: number[] = [];
    for (let i = 0; i < 5; i++) {
      const wait = limiter.retryAfter('li.na', '10.0.0.66');
      locks.push(wait / MINUTE);
      c.advance(wait - 1);
      expect(limiter.blocked('li.na', '10.0.0.66')).toBe(true);
      c.advance(1);
      // After a lock, one attempt at a time.
      expect(limiter.begin('li.na', '10.0.0.66')).toBe(0);
      expect(limiter.begin('li.na', '10.0.0.66')).toBeGreaterThan(0);
      limiter.end('li.na', '10.0.0.66');
      limiter.fail('li.na', '10.0.0.66');
    }
    expect(locks).toEqual([1, 2, 4, 8, 8]);
    limiter.succeed('li.na', '10.0.0.66');
    expect(limiter.blocked('li.na', '10.0.0.66')).toBe(false);
  });

  it('should forget a pair’s failures a day after the last one', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) limiter.fail('li.na', '10.0.0.66');
    c.advance(24 * 60 * MINUTE + 1);
    for (let i = 0; i < 4; i++) limiter.fail('li.na', '10.0.0.66');
    expect(limiter.blocked('li.na', '10.0.0.66')).toBe(false);
  });

  it('should refuse an address after 20 failures on different names, until they leave the 15-minute window', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    for (let i = 0; i < 20; i++) {
      expect(limiter.blocked(`user${i}`, '192.0.2.7')).toBe(false);
      limiter.fail(`user${i}`, '192.0.2.7');
    }
    expect(limiter.retryAfter('someone-else', '192.0.2.7')).toBe(15 * MINUTE);
    expect(limiter.blocked('someone-else', '192.0.2.8')).toBe(false);
    c.advance(15 * MINUTE - 1);
    expect(limiter.blocked('someone-else', '192.0.2.7')).toBe(true);
    c.advance(1);
    expect(limiter.blocked('someone-else', '192.0.2.7')).toBe(false);
  });

  it('should refuse a name flooded from 100 addresses only from addresses it never logged in from', () => {
    const limiter = new LoginRateLimiter();
    limiter.succeed('admin', '198.51.100.1');
    for (let i = 0; i < 100; i++) limiter.fail('admin', `203.0.113.${i}`);
    expect(limiter.blocked('admin', '203.0.113.200')).toBe(true);
    expect(limiter.blocked('admin', '198.51.100.2')).toBe(true);
    expect(limiter.isKnown('ADMIN', '198.51.100.1')).toBe(true);
    expect(limiter.blocked('admin', '198.51.100.1')).toBe(false);
    expect(limiter.blocked('other', '203.0.113.200')).toBe(false);
  });

  it('should still lock a known address’s own failures (the pair limit applies to everyone)', () => {
    const limiter = new LoginRateLimiter();
    limiter.succeed('admin', '198.51.100.1');
    for (let i = 0; i < 5; i++) limiter.fail('admin', '198.51.100.1');
    expect(limiter.blocked('admin', '198.51.100.1')).toBe(true);
  });

  it('should count attempts being checked against the pair, the address and the name until they end', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 5; i++) expect(limiter.begin('li.na', '192.0.2.1')).toBe(0);
    expect(limiter.begin('li.na', '192.0.2.1')).toBeGreaterThan(0);
    expect(limiter.blocked('li.na', '192.0.2.2')).toBe(false);
    // Ended without a failure (the right password, a full queue, a store error): nothing is left counted.
    for (let i = 0; i < 5; i++) limiter.end('li.na', '192.0.2.1');
    expect(limiter.blocked('li.na', '192.0.2.1')).toBe(false);
    // One address's attempts in progress hold up its other names too.
    for (let i = 0; i < 20; i++) expect(limiter.begin(`user${i}`, '198.51.100.1')).toBe(0);
    expect(limiter.begin('someone-else', '198.51.100.1')).toBeGreaterThan(0);
    expect(limiter.begin('someone-else', '198.51.100.2')).toBe(0);
  });

  it('should count an IPv6 /64 as one address, so rotating addresses within it does not reset the count', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 1; i <= 20; i++) limiter.fail(`user${i}`, `2001:db8:1:2::${i.toString(16)}`);
    expect(limiter.blocked('someone-else', '2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(true);
    expect(limiter.blocked('someone-else', '2001:0db8:0001:0002:0:0:0:9')).toBe(true);
    expect(limiter.blocked('someone-else', '2001:db8:1:3::1')).toBe(false);
    for (let i = 0; i < 5; i++) limiter.fail('li.na', `2001:db8:9:9::${i + 1}`);
    expect(limiter.blocked('li.na', '2001:db8:9:9::abcd')).toBe(true);
    // IPv4, also written IPv4-mapped, stays one address each (and both spellings are the same one).
    for (let i = 1; i <= 20; i++) limiter.fail(`user${i}`, `::ffff:198.51.100.${i}`);
    expect(limiter.blocked('someone-else', '::ffff:198.51.100.77')).toBe(false);
    for (let i = 0; i < 5; i++) limiter.fail('li.na', '::ffff:198.51.100.200');
    expect(limiter.blocked('li.na', '198.51.100.200')).toBe(true);
  });
});
