/**
 * The limiters are cheap and bounded (issue 14, finding 1): no timer per bucket, a refilled
 * bucket is dropped when next seen, a spread of keys never holds more than `maxKeys` buckets,
 * and a refusal takes nothing from the other scopes. Address keys: IPv6 by /64, IPv4-mapped
 * IPv6 as IPv4, `X-Forwarded-For` only as far as the trusted proxies vouch.
 */
import { ChatLimits } from '../../src/chat/chat-limits';
import { addressKey, clientAddress } from '../../src/chat/client-address';
import { takeAll, TokenBuckets } from '../../src/chat/token-buckets';
import { builtInResponses } from '../../src/domain/built-in-responses';
import { limitsWith } from './limits-clients';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBuckets', () => {
  it('should give the burst, then refuse with the time until the next token', () => {
    const c = clock();
    const b = new TokenBuckets({ burst: 2, perMinute: 6 }, 100, c.now);
    expect(takeAll([[b, 'k']])).toBe(0);
    expect(takeAll([[b, 'k']])).toBe(0);
    expect(takeAll([[b, 'k']])).toBe(10_000);
    c.advance(4_000);
    expect(b.wait('k')).toBe(6_000);
    c.advance(6_000);
    expect(takeAll([[b, 'k']])).toBe(0);
  });

  it('should drop a bucket once it has refilled, without a timer', () => {
    const c = clock();
    const b = new TokenBuckets({ burst: 3, perMinute: 60 }, 100, c.now);
    b.take('a');
    b.take('a');
    expect(b.size).toBe(1);
    c.advance(1_000);
    expect(b.wait('a')).toBe(0);
    expect(b.size).toBe(1);
    c.advance(1_000);
    expect(b.wait('a')).toBe(0);
    expect(b.size).toBe(0);
  });

  it('should hold at most maxKeys buckets, dropping the least recently used', () => {
    const c = clock();
    const b = new TokenBuckets({ burst: 1, perMinute: 1 }, 1000, c.now);
    for (let i = 0; i < 50_000; i++) b.take(`attacker-${i}`);
    expect(b.size).toBe(1000);
    expect(b.wait('attacker-49999')).toBeGreaterThan(0);
    expect(b.wait('attacker-0')).toBe(0);
  });

  it('should take from every scope or from none', () => {
    const c = clock();
    const roomy = new TokenBuckets({ burst: 5, perMinute: 60 }, 100, c.now);
    const tight = new TokenBuckets({ burst: 1, perMinute: 60 }, 100, c.now);
    expect(takeAll([[roomy, 's'], [tight, 'a']])).toBe(0);
    expect(takeAll([[roomy, 's'], [tight, 'a']])).toBeGreaterThan(0);
    expect(takeAll([[roomy, 's'], [tight, 'a']])).toBeGreaterThan(0);
    // Only one token went from the roomy scope.
    expect(roomy.wait('s')).toBe(0);
    for (let i = 0; i < 4; i++) roomy.take('s');
    expect(roomy.wait('s')).toBeGreaterThan(0);
  });

  it('should let burst 0 turn a limit off', () => {
    const b = new TokenBuckets({ burst: 0, perMinute: 0 });
    for (let i = 0; i < 1000; i++) expect(takeAll([[b, 'k']])).toBe(0);
    expect(b.size).toBe(0);
  });
});

describe('ChatLimits memory', () => {
  it('should forget a socket with its disconnect and stay bounded under a spread of keys', () => {
    const c = clock();
    const limits = new ChatLimits(limitsWith({ maxKeys: 500 }), builtInResponses(), c.now);
    for (let i = 0; i < 20_000; i++) {
      const address = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
      limits.admit(address, 'en');
      limits.connected(address);
      limits.event('history', { socketId: `s${i}`, conversationId: `c${i}`, address }, 'en');
      limits.disconnected(`s${i}`, address);
    }
    // connections, history per conversation and per address: at most 500 each; sockets gone.
    expect(limits.size).toBeLessThanOrEqual(3 * 500);
  });
});

describe('client addresses', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['::FFFF:cb00:7109', '203.0.113.9'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::9', '2001:db8:1:2::/64'],
    ['[2001:db8::1]', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('should key %s as %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('should trust X-Forwarded-For only as far as the configured proxies', () => {
    expect(clientAddress('127.0.0.1', '198.51.100.1', 0)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', '198.51.100.1, 10.0.0.2', 2)).toBe('198.51.100.1');
    expect(clientAddress('127.0.0.1', 'not-an-address', 1)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:127.0.0.1', undefined, 1)).toBe('127.0.0.1');
  });
});
