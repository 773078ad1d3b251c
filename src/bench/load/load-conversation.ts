/**
 * @module bench/load/load-conversation
 * One shopper of the load generator on `/chat` (socket.io-client, websocket only, no
 * reconnection): connects, sends messages with its own ids, and writes every acknowledgement and
 * reply into a shared {@link ReplyLedger}. The benchmark, the idle-memory count and the soak all
 * drive shoppers through this class.
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { CHAT_NAMESPACE, ChatEvents } from '../../channels/socketio/events';
import type { ChatActivity } from '../../core/conversation';
import type { ReplyLedger } from './reply-ledger';

export type SendOutcome = 'ok' | 'refused' | 'ack-timeout' | 'turn-timeout' | 'disconnected';

export interface ConnectOptions {
  /** Give up on a connection without `session` after this long. */
  timeoutMs: number;
  /** How long a message may wait for its acknowledgement and then its `turn.end`. */
  turnTimeoutMs: number;
  /** Message ids are `<idPrefix>-<index>-<n>`: unique across runs against one server. */
  idPrefix: string;
  auth?: Record<string, unknown>;
}

export type ConnectResult =
  | { ok: true; conversation: LoadConversation; ms: number }
  | { ok: false; code: string; ms: number };

type AckReply = { ok: boolean; id?: string; error?: { code?: string } };

export class LoadConversation {
  /** Resolvers of the messages waiting for their `turn.end`, by message id. */
  private readonly waiters = new Map<string, (outcome: SendOutcome) => void>();
  private sequence = 0;
  private closing = false;
  /** False once the socket is gone. */
  alive = true;
  /** The server closed the socket or the transport failed (not our own `close`). */
  droppedByServer = false;

  private constructor(
    readonly index: number,
    readonly conversationId: string,
    private readonly socket: Socket,
    private readonly ledger: ReplyLedger,
    private readonly options: ConnectOptions,
  ) {
    socket.on(ChatEvents.activity, (activity: ChatActivity) => {
      const ended = ledger.activity(activity, performance.now());
      if (ended && activity.replyToId) this.waiters.get(activity.replyToId)?.('ok');
    });
    socket.on('disconnect', () => {
      this.alive = false;
      if (!this.closing) this.droppedByServer = true;
      for (const finish of [...this.waiters.values()]) finish('disconnected');
    });
  }

  /**
   * Opens a socket and waits for its `session`. Never rejects: a failure is `{ok: false, code}`
   * with the server's error code (`connect_error` `data.code`), its message, or `timeout`.
   * @example const r = await LoadConversation.connect('http://127.0.0.1:3000', 0, ledger, options);
   */
  static connect(url: string, index: number, ledger: ReplyLedger, options: ConnectOptions): Promise<ConnectResult> {
    const started = performance.now();
    const socket = io(`${url}${CHAT_NAMESPACE}`, {
      auth: options.auth ?? {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: options.timeoutMs,
    });
    return new Promise((resolve) => {
      const fail = (code: string): void => {
        clearTimeout(timer);
        socket.removeAllListeners();
        socket.close();
        resolve({ ok: false, code, ms: performance.now() - started });
      };
      const timer = setTimeout(() => fail('timeout'), options.timeoutMs);
      socket.once(ChatEvents.session, (session: { conversationId: string }) => {
        clearTimeout(timer);
        socket.off('connect_error');
        const conversation = new LoadConversation(index, session.conversationId, socket, ledger, options);
        resolve({ ok: true, conversation, ms: performance.now() - started });
      });
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => fail(err.data?.code ?? err.message));
    });
  }

  /**
   * Sends `text` and resolves when its turn has ended (or failed). `dueAt` (performance.now()
   * time) is when the message should have gone out; open loop passes its schedule so that a late
   * send counts against latency.
   */
  send(text: string, dueAt = performance.now()): Promise<SendOutcome> {
    const id = `${this.options.idPrefix}-${this.index}-${this.sequence++}`;
    this.ledger.sent(id, this.index, dueAt);
    if (!this.alive) return Promise.resolve('disconnected');
    return new Promise((resolve) => {
      let acked = false;
      let ended = false;
      const finish = (outcome: SendOutcome): void => {
        if (!this.waiters.has(id)) return;
        this.waiters.delete(id);
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.ledger.gaveUp(id);
        finish(acked ? 'turn-timeout' : 'ack-timeout');
      }, this.options.turnTimeoutMs);
      this.waiters.set(id, (outcome) => {
        if (outcome !== 'ok') return finish(outcome);
        ended = true;
        if (acked) finish('ok');
      });
      this.socket.timeout(this.options.turnTimeoutMs).emit(ChatEvents.message, { id, text }, (err: Error | null, reply: AckReply) => {
        if (err) {
          this.ledger.acked(id, 'timeout');
          return;
        }
        this.ledger.acked(id, reply);
        if (!reply.ok) return finish('refused');
        acked = true;
        if (ended) finish('ok');
      });
    });
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }
}
