/**
 * @module test/cluster/cluster-clients
 * Shoppers on `/chat` and staff on `/staff` that know which worker opened their socket.io
 * session (the `x-kefu-worker` header of the websocket upgrade; `none` from one process).
 */
import type { IncomingMessage } from 'node:http';
import { io, type Socket } from 'socket.io-client';
import type { ChatActivity } from '../../src/core/conversation';

export interface Session {
  conversationId: string;
  locale: string | null;
  resumed: boolean;
}

type Ack = { ok: true; id: string } | { ok: false; error: { code: string } };

/** Opens `socket` and resolves with the worker that answered its upgrade (`none`: not a cluster worker). */
function openOnWorker(socket: Socket): Promise<string> {
  const worker = new Promise<string>((resolve, reject) => {
    socket.connect();
    // The transport is made synchronously by connect(): listen before the upgrade can answer.
    const ws = (socket.io.engine as unknown as { transport: { ws: { once(e: 'upgrade', l: (res: IncomingMessage) => void): void } } }).transport.ws;
    ws.once('upgrade', (res) => {
      // One process (no primary) names no worker.
      const id = res.headers['x-kefu-worker'];
      resolve(typeof id === 'string' ? id : 'none');
    });
    socket.once('connect_error', (err) => reject(err));
    setTimeout(() => reject(new Error('the socket did not open in 20 s')), 20_000).unref();
  });
  return worker;
}

export class Shopper {
  readonly received: ChatActivity[] = [];
  readonly sessions: Session[] = [];

  private constructor(
    readonly socket: Socket,
    readonly worker: string,
    readonly session: Session,
  ) {
    socket.on('activity', (a: ChatActivity) => this.received.push(a));
    socket.on('session', (s: Session) => this.sessions.push(s));
  }

  /** `reconnect`: the client reconnects on its own, resuming its conversation (as the widget does). */
  static async connect(url: string, auth: Record<string, unknown>, reconnect = false): Promise<Shopper> {
    const socket = io(`${url}/chat`, { auth, transports: ['websocket'], autoConnect: false, forceNew: true, reconnection: reconnect, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
    const session = new Promise<Session>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
      setTimeout(() => reject(new Error('no session in 20 s')), 20_000).unref();
    });
    session.catch(() => undefined); // awaited below, after the worker is known
    const worker = await openOnWorker(socket);
    const shopper = new Shopper(socket, worker, await session);
    if (reconnect) socket.auth = { ...auth, conversationId: shopper.session.conversationId };
    return shopper;
  }

  async send(text: string): Promise<string> {
    const ack = (await this.socket.timeout(20_000).emitWithAck('message', { text })) as Ack;
    if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
    return ack.id;
  }

  /** Waits for the turn's end; its messages (as this socket received them). */
  async turnOf(id: string, ms = 30_000): Promise<ChatActivity[]> {
    await waitFor(() => this.ended(id), ms, `turn.end of ${id}`);
    return this.received.filter((a) => a.type === 'message' && a.replyToId === id);
  }

  /**
   * Sends `text` with the client id `id`; the ack, or null when the socket drops first (its
   * worker died: whether the message was stored is for the store to say).
   */
  offer(id: string, text: string): Promise<Ack | null> {
    return new Promise((resolve) => {
      const dropped = (): void => resolve(null);
      this.socket.once('disconnect', dropped);
      this.socket.emit('message', { id, text }, (ack: Ack) => {
        this.socket.off('disconnect', dropped);
        resolve(ack);
      });
    });
  }

  /** Resolves once `id`'s turn has ended here, or this socket is down. */
  async turnEndOrDrop(id: string): Promise<void> {
    await waitFor(() => this.ended(id) || !this.socket.connected, 60_000, `turn.end of ${id} or a drop`);
  }

  private ended(id: string): boolean {
    return this.received.some((a) => a.name === 'turn.end' && a.replyToId === id);
  }

  async say(text: string): Promise<ChatActivity[]> {
    return this.turnOf(await this.send(text));
  }

  async history(): Promise<ChatActivity[]> {
    const reply = (await this.socket.timeout(20_000).emitWithAck('history', { limit: 100 })) as { ok: boolean; activities: ChatActivity[] };
    if (!reply.ok) throw new Error('history refused');
    return reply.activities;
  }

  close(): void {
    this.socket.close();
  }
}

export class Staff {
  readonly activities: ChatActivity[] = [];
  readonly conversations: { conversation: { id: string; handoff: boolean } }[] = [];

  private constructor(
    readonly socket: Socket,
    readonly worker: string,
  ) {
    socket.on('activity', (a: ChatActivity) => this.activities.push(a));
    socket.on('conversation', (c: Staff['conversations'][number]) => this.conversations.push(c));
  }

  static async connect(url: string, cookie: string): Promise<Staff> {
    const socket = io(`${url}/staff`, { transports: ['websocket'], autoConnect: false, forceNew: true, reconnection: false, extraHeaders: { Cookie: cookie } });
    const connected = new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const worker = await openOnWorker(socket);
    await connected;
    return new Staff(socket, worker);
  }

  close(): void {
    this.socket.close();
  }
}

/** Polls until `check` holds, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false, ms: number, what: string): Promise<T> {
  for (const until = Date.now() + ms; ; await new Promise((r) => setTimeout(r, 20))) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
  }
}
