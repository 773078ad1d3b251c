import { RecentKeys } from '../../../../src/channels/wechat/recent-keys';

describe('RecentKeys', () => {
  it('should forget a key after its time', () => {
    let now = 0;
    const keys = new RecentKeys(1000, 10, () => now);
    keys.add('a');
    now = 999;
    expect(keys.has('a')).toBe(true);
    now = 1000;
    expect(keys.has('a')).toBe(false);
    expect(keys.has('b')).toBe(false);
  });

  it('should keep at most max keys, dropping the oldest', () => {
    let now = 0;
    const keys = new RecentKeys(60_000, 3, () => now);
    for (const k of ['a', 'b', 'c', 'd']) {
      keys.add(k);
      now += 1;
    }
    expect(['a', 'b', 'c', 'd'].map((k) => keys.has(k))).toEqual([false, true, true, true]);
    keys.add('b'); // refreshed: now the newest
    keys.add('e');
    expect(['b', 'c', 'd', 'e'].map((k) => keys.has(k))).toEqual([true, false, true, true]);
  });
});
