/**
 * @module bench/load/echo-server
 * The baseline of `bench:load`: a bare socket.io server on `/chat` that speaks the chat protocol
 * and does nothing else. On connect it sends `session`; for each `message` it acknowledges
 * `{ok: true, id}`, sends one `activity` replying to it, then the `turn.end` event. kefu's turns/s
 * are reported as a share of this server's, measured in the same run on the same machine.
 *
 * @example node dist/bench/load/echo-server.js   # PORT (default 0); prints "echo listening on <port>"
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ChatActivity } from '../../core/conversation';
import { CHAT_NAMESPACE, ChatEvents } from '../../channels/socketio/events';

export interface EchoServer {
  port: number;
  close(): Promise<void>;
}

type AckFn = (reply: unknown) => void;

function activity(conversationId: string, replyToId: string, extra: Partial<ChatActivity>): ChatActivity {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    conversationId,
    from: { id: 'echo', role: 'bot' },
    replyToId,
    ...extra,
  };
}

/**
 * Starts the echo server on `port` (0 = any free port) of `host`.
 * @example const echo = await startEchoServer(0); ... await echo.close();
 */
export async function startEchoServer(port = 0, host = '127.0.0.1'): Promise<EchoServer> {
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  const io = new Server(httpServer, { serveClient: false });
  io.of(CHAT_NAMESPACE).on('connection', (socket) => {
    const conversationId = randomUUID();
    socket.emit(ChatEvents.session, { conversationId, locale: null, resumed: false });
    socket.on(ChatEvents.message, (payload: unknown, ack: unknown) => {
      const reply: AckFn = typeof ack === 'function' ? (ack as AckFn) : () => undefined;
      const body = (payload ?? {}) as { id?: unknown; text?: unknown };
      if (typeof body.text !== 'string' || body.text.length === 0) {
        reply({ ok: false, error: { code: 'KEFU_BAD_REQUEST', message: 'message must be {id?, text}' } });
        return;
      }
      const id = typeof body.id === 'string' ? body.id : randomUUID();
      reply({ ok: true, id });
      socket.emit(ChatEvents.activity, activity(conversationId, id, { text: body.text, channelData: { intent: { name: 'echo', score: 1 } } }));
      socket.emit(ChatEvents.activity, activity(conversationId, id, { type: 'event', name: 'turn.end' }));
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(port, host, resolve));
  return {
    port: (httpServer.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

if (require.main === module) {
  startEchoServer(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1').then(
    (echo) => {
      process.stdout.write(`echo listening on ${echo.port}\n`);
      const stop = (): void => void echo.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
