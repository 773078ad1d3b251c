/**
 * Issue 14, finding 1 ("one client stalls every shopper"): 20 sockets each sending
 * `history {limit:100}` 1,000 times without waiting. With per-event limits the flood is refused
 * cheaply (`KEFU_RATE_LIMIT` with a retry-after, in the ack and as an `error` event) and another
 * shopper's greeting is still answered, within a generous 2 s (it took 8.9 s before).
 */
import { ChatClient, textOf } from '../helpers/chat-client';
import { emit, useLimitServer, type Ack, type Refusal } from './limits-clients';

const GREETING = { zh: '你好', en: 'hello' };
const ABUSERS = 20;
const REQUESTS = 1000;

describe.each(['zh', 'en'] as const)('a history flood from 20 sockets (%s)', (lang) => {
  const fx = useLimitServer();

  it('should refuse the flood with KEFU_RATE_LIMIT and still answer another shopper', async () => {
    const shopper = await ChatClient.connect(fx.server.url, { locale: lang });
    fx.track(shopper.socket);
    // The abusers' conversation has something to read, as in the reproduction.
    const seed = await shopper.say(GREETING[lang]);
    expect(seed.messages.length).toBeGreaterThan(0);
    const abusers = await Promise.all(Array.from({ length: ABUSERS }, () => fx.mustOpen({ conversationId: shopper.session.conversationId })));
    const errorEvents: Refusal[] = [];
    abusers.forEach((a) => a.socket.on('error', (e: Refusal) => errorEvents.push(e)));

    const flood: Promise<Ack>[] = [];
    for (const a of abusers) for (let i = 0; i < REQUESTS; i++) flood.push(emit(a.socket, 'history', { limit: 100 }));
    const other = await ChatClient.connect(fx.server.url, { locale: lang });
    fx.track(other.socket);
    const started = Date.now();
    const turn = await other.say(GREETING[lang]);
    const answeredInMs = Date.now() - started;

    expect(turn.ack.ok).toBe(true);
    expect(textOf(turn).length).toBeGreaterThan(0);
    expect(answeredInMs).toBeLessThan(2000);

    const acks = await Promise.all(flood);
    const refused = acks.filter((a): a is Extract<Ack, { ok: false }> => !a.ok);
    const served = acks.length - refused.length;
    expect(refused.length).toBeGreaterThan(ABUSERS * REQUESTS * 0.9);
    expect(refused.every((r) => r.error.code === 'KEFU_RATE_LIMIT' && (r.error.retryAfterMs ?? 0) > 0)).toBe(true);
    // Some history is still served: the limits slow the flood, they do not lock the conversation.
    expect(served).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errorEvents.length).toBe(refused.length);
    expect(errorEvents.every((e) => e.code === 'KEFU_RATE_LIMIT')).toBe(true);
  });
});
