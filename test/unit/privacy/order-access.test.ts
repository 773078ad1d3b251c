import { sessionOf, THREAD_SESSION, touched, verifiedOrders, withGrant } from '../../../src/privacy/order-access';

const MIN = 60_000;

describe('order-access', () => {
  const t0 = Date.parse('2026-12-01T10:00:00Z');

  it('should verify an order for the connection that answered, until it is idle too long', () => {
    const grants = withGrant([], 'sock-a', 'DD20261101008', t0, 5 * MIN);
    expect(verifiedOrders(grants, 'sock-a', t0 + 4 * MIN)).toEqual(['DD20261101008']);
    expect(verifiedOrders(grants, 'sock-a', t0 + 5 * MIN)).toEqual([]);
    expect(verifiedOrders(grants, 'sock-b', t0 + MIN)).toEqual([]);
    expect(verifiedOrders(grants, null, t0 + MIN)).toEqual([]);
  });

  it('should move the deadline on with each turn of that connection, and forget lapsed grants', () => {
    let grants = withGrant([], 'sock-a', 'DD1', t0, 5 * MIN);
    grants = withGrant(grants, 'sock-b', 'DD2', t0, 5 * MIN);
    grants = touched(grants, 'sock-a', t0 + 4 * MIN, 5 * MIN);
    expect(verifiedOrders(grants, 'sock-a', t0 + 8 * MIN)).toEqual(['DD1']);
    expect(verifiedOrders(grants, 'sock-b', t0 + 8 * MIN)).toEqual([]);
    expect(touched(grants, 'sock-a', t0 + 8 * MIN, 5 * MIN).map((g) => g.orderId)).toEqual(['DD1']);
  });

  it('should hold a proof given with no idle time for its own turn only', () => {
    expect(verifiedOrders(withGrant([], 'sock-a', 'DD1', t0, 0), 'sock-a', t0)).toEqual([]);
  });

  it('should take the session from the channel data, the thread for channels without connections', () => {
    expect(sessionOf({ session: 'sock-a' }, 'socketio')).toBe('sock-a');
    expect(sessionOf(undefined, 'socketio')).toBeNull();
    expect(sessionOf({}, 'webhook')).toBe(THREAD_SESSION);
    expect(sessionOf({ session: 42 }, 'wechat')).toBe(THREAD_SESSION);
  });
});
