/**
 * Issue 14, finding 1: `feedback` and `history` had no limit, and the message limit was per
 * socket only (20 sockets resuming one conversation sent 200 messages unthrottled). Each event
 * type is now counted per socket, per conversation and per client address (an IPv6 /64 as one,
 * an IPv4-mapped IPv6 address as its IPv4 address, `X-Forwarded-For` only behind a trusted
 * proxy); every refusal is `KEFU_RATE_LIMIT` with `retryAfterMs`, in the ack and as `error`.
 */
import type { RateSpec } from '../../src/config';
import { emit, limitsWith, useLimitServer, type Ack, type LimitServer, type Refusal } from './limits-clients';

const TEXT = { zh: ['你好', '运费怎么算', '支持七天无理由退货吗'], en: ['hello', 'how much is shipping', 'can i return an item within 7 days'] };
const OFF: RateSpec = { burst: 0, perMinute: 0 };
const rate = (burst: number): RateSpec => ({ burst, perMinute: 1 });

function refusals(acks: Ack[]): Refusal[] {
  return acks.flatMap((a) => (a.ok ? [] : [a.error]));
}

function expectRateLimited(refused: Refusal[]): void {
  expect(refused.length).toBeGreaterThan(0);
  for (const r of refused) {
    expect(r.code).toBe('KEFU_RATE_LIMIT');
    expect(r.retryAfterMs).toBeGreaterThan(0);
  }
}

describe.each(['zh', 'en'] as const)('limits per conversation (%s)', (lang) => {
  const fx = useLimitServer();

  it('should not let 20 sockets resuming one conversation send 200 messages unthrottled', async () => {
    const first = await fx.mustOpen({ locale: lang });
    expect((await emit(first.socket, 'message', { text: TEXT[lang][0] })).ok).toBe(true);
    const resumed = await Promise.all(Array.from({ length: 20 }, () => fx.mustOpen({ locale: lang, conversationId: first.conversationId })));
    expect(resumed.every((r) => r.resumed)).toBe(true);
    const errors: Refusal[] = [];
    resumed.forEach((r) => r.socket.on('error', (e: Refusal) => errors.push(e)));

    const acks = await Promise.all(resumed.flatMap((r) => Array.from({ length: 10 }, (_, i) => emit(r.socket, 'message', { text: TEXT[lang][i % 3] }))));
    const accepted = acks.filter((a) => a.ok).length;
    const perConversation = limitsWith({}).message.conversation;
    // The one message before, then the burst and what refilled while the 200 arrived.
    expect(accepted).toBeLessThan(perConversation.burst + 5);
    expect(accepted).toBeGreaterThanOrEqual(perConversation.burst - 1);
    expectRateLimited(refusals(acks));
    expect(errors.length).toBe(refusals(acks).length);
  });

  it('should limit postback, history and feedback on their own', async () => {
    const c = await fx.mustOpen({ locale: lang });
    const defaults = limitsWith({});
    for (const [event, payload] of [
      ['postback', { value: 'intent:smalltalk.greeting' }],
      ['history', { limit: 100 }],
      ['feedback', { activityId: 'none', rating: 'up' }],
    ] as const) {
      const burst = defaults[event].socket.burst;
      const acks = await Promise.all(Array.from({ length: burst * 3 }, () => emit(c.socket, event, payload)));
      const limited = refusals(acks).filter((r) => r.code === 'KEFU_RATE_LIMIT');
      expect(limited.length).toBeGreaterThanOrEqual(burst * 2 - 2);
      expectRateLimited(limited);
    }
    // Messages have their own buckets: still accepted after the others ran dry.
    expect((await emit(c.socket, 'message', { text: TEXT[lang][1] })).ok).toBe(true);
  });
});

describe('limits per client address', () => {
  const history = { socket: OFF, conversation: OFF, address: rate(3) };
  const server = useLimitServer({ limits: limitsWith({ history, trustProxy: 1 }) });
  const untrusting = useLimitServer({ limits: limitsWith({ history }) });

  async function historyFrom(target: LimitServer, from: string, times: number): Promise<Ack[]> {
    const c = await target.mustOpen({}, from);
    const acks: Ack[] = [];
    for (let i = 0; i < times; i++) acks.push(await emit(c.socket, 'history', {}));
    return acks;
  }

  it('should count an IPv6 /64 as one address', async () => {
    expect((await historyFrom(server, '2001:db8:1:2::1', 3)).every((a) => a.ok)).toBe(true);
    // Another address in the same /64, written differently: same bucket, already empty.
    expectRateLimited(refusals(await historyFrom(server, '2001:0db8:0001:0002:ffff:0:0:7', 1)));
    // The next /64 is another subscriber.
    expect((await historyFrom(server, '2001:db8:1:3::1', 3)).every((a) => a.ok)).toBe(true);
  });

  it('should count an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    expect((await historyFrom(server, '203.0.113.5', 3)).every((a) => a.ok)).toBe(true);
    expectRateLimited(refusals(await historyFrom(server, '::ffff:203.0.113.5', 1)));
    expect((await historyFrom(server, '::ffff:203.0.113.6', 1)).every((a) => a.ok)).toBe(true);
  });

  it('should read only the entry the trusted proxy appended, not what the client wrote', async () => {
    expect((await historyFrom(server, '192.0.2.1, 198.51.100.1', 3)).every((a) => a.ok)).toBe(true);
    // A forged first entry does not make a new client: the proxy's entry is the same.
    expectRateLimited(refusals(await historyFrom(server, '192.0.2.99, 198.51.100.1', 1)));
  });

  it('should ignore X-Forwarded-For when no proxy is trusted', async () => {
    expect((await historyFrom(untrusting, '192.0.2.10', 3)).every((a) => a.ok)).toBe(true);
    // Another claimed address, the same real peer (loopback): the same bucket.
    expectRateLimited(refusals(await historyFrom(untrusting, '192.0.2.11', 1)));
  });
});
