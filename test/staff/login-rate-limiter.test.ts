/**
 * The login rate limit: 5 failures per name or per address within 15 minutes.
 */
import { LoginRateLimiter } from '../../src/staff/login-rate-limiter';

describe('LoginRateLimiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('should block a name after 5 failures from any address, until they leave the window', () => {
    const c = clock();
    const limiter = new LoginRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(limiter.blocked('li.na', `10.0.0.${i}`)).toBe(false);
      limiter.fail('li.na', `10.0.0.${i}`);
    }
    expect(limiter.blocked('li.na', '10.9.9.9')).toBe(true);
    expect(limiter.blocked('LI.NA ', '10.9.9.9')).toBe(true);
    expect(limiter.blocked('wang.wei', '10.9.9.9')).toBe(false);
    c.advance(15 * 60 * 1000 - 1);
    expect(limiter.blocked('li.na', '10.9.9.9')).toBe(true);
    c.advance(2);
    expect(limiter.blocked('li.na', '10.9.9.9')).toBe(false);
  });

  it('should block an address after 5 failures on different names', () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 5; i++) limiter.fail(`user${i}`, '192.0.2.7');
    expect(limiter.blocked('someone-else', '192.0.2.7')).toBe(true);
    expect(limiter.blocked('someone-else', '192.0.2.8')).toBe(false);
  });

  it("should clear a name's failures on success but keep the address's", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 4; i++) limiter.fail('li.na', '192.0.2.1');
    limiter.succeed('li.na');
    limiter.fail('li.na', '192.0.2.2');
    expect(limiter.blocked('li.na', '192.0.2.3')).toBe(false);
    limiter.fail('other', '192.0.2.1');
    expect(limiter.blocked('x', '192.0.2.1')).toBe(true);
  });
});
