/**
 * Issue 14, finding 1 (connections) and finding 5 (new conversations): handshakes and sockets
 * open at once are counted per client address and refused at the handshake with `connect_error`
 * `data = {code: 'KEFU_RATE_LIMIT', message, retryAfterMs}`, before the store is touched; new
 * conversations (their first stored message) are counted per address too. Other addresses are
 * not affected, and a closed socket frees its place.
 */
import { emit, limitsWith, useLimitServer } from './limits-clients';

const HELLO = { zh: '你好', en: 'hello' };
const TOO_MANY = { zh: '连接过于频繁', en: 'Too many connections' };

describe.each(['zh', 'en'] as const)('limits at the handshake (%s)', (lang) => {
  const fx = useLimitServer({
    limits: limitsWith({
      connections: { burst: 3, perMinute: 1 },
      openSockets: 2,
      newConversations: { burst: 1, perMinute: 1 },
      trustProxy: 1,
    }),
  });

  it('should refuse handshakes past the limit per address with KEFU_RATE_LIMIT and a retry-after', async () => {
    const from = lang === 'zh' ? '198.51.100.1' : '198.51.100.2';
    const first = await fx.mustOpen({ locale: lang }, from);
    const second = await fx.mustOpen({ locale: lang }, from);
    // Two open: a third is refused though the handshake rate allows it.
    const third = await fx.open({ locale: lang }, from);
    expect(third).toMatchObject({ ok: false, error: { code: 'KEFU_RATE_LIMIT' } });
    expect(third.ok || third.error.retryAfterMs).toBeGreaterThan(0);

    // One closed frees its place; then the handshake rate (3 at once) is spent.
    first.socket.close();
    let reopened = await fx.open({ locale: lang }, from);
    // (Refused while the server has not seen the close yet; such a refusal takes no handshake token.)
    for (let i = 0; i < 50 && !reopened.ok; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      reopened = await fx.open({ locale: lang }, from);
    }
    expect(reopened.ok).toBe(true);
    second.socket.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = await fx.open({ locale: lang }, from);
    expect(fast).toMatchObject({ ok: false, error: { code: 'KEFU_RATE_LIMIT' } });
    if (!fast.ok) {
      expect(fast.error.message).toContain(TOO_MANY[lang]);
      expect(fast.error.retryAfterMs).toBeGreaterThan(1000);
    }

    // Another address is not affected.
    await fx.mustOpen({ locale: lang }, lang === 'zh' ? '2001:db8:a::1' : '2001:db8:b::1');
  });

  it('should limit new conversations per address, not the messages of one already started', async () => {
    const from = lang === 'zh' ? '203.0.113.30' : '203.0.113.31';
    const a = await fx.mustOpen({ locale: lang }, from);
    const b = await fx.mustOpen({ locale: lang }, from);
    expect((await emit(a.socket, 'message', { text: HELLO[lang] })).ok).toBe(true);
    const refused = await emit(b.socket, 'message', { text: HELLO[lang] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'KEFU_RATE_LIMIT' } });
    if (!refused.ok) expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    // The started conversation goes on.
    expect((await emit(a.socket, 'message', { text: HELLO[lang] })).ok).toBe(true);
  });
});
