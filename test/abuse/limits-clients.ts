/**
 * @module test/abuse/limits-clients
 * Raw `/chat` sockets for the limit tests: from a chosen address (`X-Forwarded-For`, read when
 * the server trusts one proxy), with the handshake's refusal kept instead of thrown, and the
 * stored conversation rows counted straight from the embedded store's SQLite file.
 * @example const fx = useLimitServer({ limits: limitsWith({ trustProxy: 1 }) }); await fx.mustOpen({}, '203.0.113.9');
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { io, type Socket } from 'socket.io-client';
import { limitsFromEnv, type KefuConfig, type LimitsConfig } from '../../src/config';
import { startTestServer, type TestServer } from '../helpers/test-server';

export interface Refusal {
  code: string;
  message: string;
  retryAfterMs?: number;
}

export type Opened = { ok: true; socket: Socket; conversationId: string; resumed: boolean } | { ok: false; error: Refusal };

/** Default limits with some replaced (the test says which). */
export function limitsWith(changes: Partial<LimitsConfig>): LimitsConfig {
  return { ...limitsFromEnv({}), ...changes };
}

/** Opens a socket on `/chat` as a client at `from` (needs `trustProxy` ≥ 1), or from the real peer. */
export function open(url: string, auth: Record<string, unknown> = {}, from?: string): Promise<Opened> {
  return new Promise((resolve) => {
    const socket = io(`${url}/chat`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(from ? { extraHeaders: { 'x-forwarded-for': from } } : {}),
    });
    socket.once('session', (s: { conversationId: string; resumed: boolean }) =>
      resolve({ ok: true, socket, conversationId: s.conversationId, resumed: s.resumed }),
    );
    socket.once('connect_error', (err: Error & { data?: Refusal }) => {
      socket.close();
      resolve({ ok: false, error: err.data ?? { code: 'NO_DATA', message: err.message } });
    });
  });
}

/** Like `open`, for a test that expects to get in. */
export async function mustOpen(url: string, auth: Record<string, unknown> = {}, from?: string): Promise<Extract<Opened, { ok: true }>> {
  const opened = await open(url, auth, from);
  if (!opened.ok) throw new Error(`handshake refused: ${JSON.stringify(opened.error)}`);
  return opened;
}

export type Ack = { ok: true; id?: string; activities?: unknown[] } | { ok: false; error: Refusal };

export function emit(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return socket.timeout(30_000).emitWithAck(event, payload) as Promise<Ack>;
}

/** Conversation rows in the server's embedded store, read from its file. */
export function conversationRows(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'kefu.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM conversations').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export interface LimitServer {
  readonly server: TestServer;
  /** `open` on this server; a socket that got in is closed after the `describe`. */
  open(auth?: Record<string, unknown>, from?: string): Promise<Opened>;
  mustOpen(auth?: Record<string, unknown>, from?: string): Promise<Extract<Opened, { ok: true }>>;
  /** Closes `socket` after the `describe`. */
  track(socket: Socket): void;
}

/** One real server per `describe` (on port 0, its own data directory), and the sockets opened on it. */
export function useLimitServer(overrides: Partial<KefuConfig> = {}): LimitServer {
  let server: TestServer | undefined;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer(overrides);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.close();
  });
  const fixture: LimitServer = {
    get server() {
      return server!;
    },
    async open(auth = {}, from) {
      const opened = await open(server!.url, auth, from);
      if (opened.ok) sockets.push(opened.socket);
      return opened;
    },
    async mustOpen(auth = {}, from) {
      const opened = await mustOpen(server!.url, auth, from);
      sockets.push(opened.socket);
      return opened;
    },
    track: (socket) => void sockets.push(socket),
  };
  return fixture;
}
