import { io, type Socket } from 'socket.io-client';
import type { ChatActivity } from '../../../src/core/conversation';
import { startEchoServer, type EchoServer } from '../../../src/bench/load/echo-server';
import { LoadConversation } from '../../../src/bench/load/load-conversation';
import { runScenario } from '../../../src/bench/load/load-scenario';
import { ReplyLedger } from '../../../src/bench/load/reply-ledger';

describe('startEchoServer', () => {
  let echo: EchoServer;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    echo = await startEchoServer(0);
    url = `http://127.0.0.1:${echo.port}`;
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => echo.close());

  async function connect(): Promise<{ socket: Socket; session: { conversationId: string; resumed: boolean }; activities: ChatActivity[] }> {
    const socket = io(`${url}/chat`, { transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    const activities: ChatActivity[] = [];
    socket.on('activity', (a: ChatActivity) => activities.push(a));
    const session = await new Promise<{ conversationId: string; resumed: boolean }>((resolve) => socket.once('session', resolve));
    return { socket, session, activities };
  }

  const turnEnded = (activities: ChatActivity[], id: string): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (activities.some((a) => a.name === 'turn.end' && a.replyToId === id)) resolve();
        else setTimeout(check, 5);
      };
      check();
    });

  it('should send session, then per message an ack with its id, one reply and turn.end, in that order', async () => {
    const { socket, session, activities } = await connect();
    expect(session.conversationId).toEqual(expect.any(String));
    expect(session.resumed).toBe(false);

    const ack = await socket.timeout(5000).emitWithAck('message', { id: 'm-1', text: '你好' });
    expect(ack).toEqual({ ok: true, id: 'm-1' });
    await turnEnded(activities, 'm-1');
    const ack2 = await socket.timeout(5000).emitWithAck('message', { id: 'm-2', text: 'hello' });
    await turnEnded(activities, 'm-2');

    expect(ack2).toEqual({ ok: true, id: 'm-2' });
    expect(activities.map((a) => [a.type, a.name ?? a.text, a.replyToId])).toEqual([
      ['message', '你好', 'm-1'],
      ['event', 'turn.end', 'm-1'],
      ['message', 'hello', 'm-2'],
      ['event', 'turn.end', 'm-2'],
    ]);
    expect(activities.every((a) => a.conversationId === session.conversationId && typeof a.id === 'string')).toBe(true);
    expect(activities[0].channelData).toEqual({ intent: { name: 'echo', score: 1 } });
  });

  it('should give a message without an id one of its own, and answer that id', async () => {
    const { socket, activities } = await connect();
    const ack = (await socket.timeout(5000).emitWithAck('message', { text: 'hi' })) as { ok: boolean; id: string };
    expect(ack.ok).toBe(true);
    await turnEnded(activities, ack.id);
    expect(activities.filter((a) => a.replyToId === ack.id)).toHaveLength(2);
  });

  it('should refuse a message without text as the protocol does', async () => {
    const { socket, activities } = await connect();
    const ack = await socket.timeout(5000).emitWithAck('message', { id: 'x' });
    expect(ack).toEqual({ ok: false, error: { code: 'KEFU_BAD_REQUEST', message: expect.any(String) } });
    expect(activities).toEqual([]);
  });

  describe('LoadConversation against it', () => {
    it('should send, see its turn end, and leave the ledger answered once', async () => {
      const ledger = new ReplyLedger();
      const result = await LoadConversation.connect(url, 7, ledger, { timeoutMs: 5000, turnTimeoutMs: 5000, idPrefix: 'unit' });
      if (!result.ok) throw new Error(result.code);
      expect(await result.conversation.send('帮我看看订单')).toBe('ok');
      expect(await result.conversation.send('thanks')).toBe('ok');
      result.conversation.close();
      expect([...ledger.entries.keys()]).toEqual(['unit-7-0', 'unit-7-1']);
      expect(ledger.verdict()).toMatchObject({ sent: 2, acknowledged: 2, answeredOnce: 2, repliesPerMessage: { 1: 2 }, ok: true });
    });

    it('should report a connect failure with its reason instead of throwing', async () => {
      const ledger = new ReplyLedger();
      await echo.close();
      const result = await LoadConversation.connect(url, 0, ledger, { timeoutMs: 2000, turnTimeoutMs: 2000, idPrefix: 'unit' });
      expect(result.ok).toBe(false);
      echo = await startEchoServer(echo.port);
    });
  });

  describe('runScenario against it', () => {
    const base = { url: '', warmupMs: 0, turnTimeoutMs: 5000, connectTimeoutMs: 5000, drainMs: 5000, probeEveryMs: 0 };

    it('should run a closed loop whose every message is answered once', async () => {
      const out = await runScenario({ ...base, url, name: 'unit-closed', mode: 'closed', conversations: 3, durationMs: 300, intervalMs: 1000 });
      expect(out.connect).toMatchObject({ ok: 3, failed: 0 });
      expect(out.sent).toBeGreaterThanOrEqual(3);
      expect(out.verdict).toMatchObject({ acknowledged: out.sent, answeredOnce: out.sent, ok: true });
      expect(out.refused).toEqual({});
    });

    it('should send on the open-loop schedule: each shopper once per interval, spread over it', async () => {
      const out = await runScenario({ ...base, url, name: 'unit-open', mode: 'open', conversations: 4, durationMs: 1000, intervalMs: 200 });
      // Due times (i/4 + k) × 200 ms below 1000 ms: k = 0…4 for each of 4 shoppers.
      expect(out.sent).toBe(20);
      expect(out.offeredPerSecond).toBe(20);
      expect(out.verdict).toMatchObject({ acknowledged: 20, answeredOnce: 20, ok: true });
    });
  });
});
