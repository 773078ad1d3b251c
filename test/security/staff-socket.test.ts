/**
 * The `/staff` socket.io namespace against the real server: a page of another site cannot open it
 * with the agent's cookie (cross-site WebSocket hijacking), a session that expires ends the socket
 * it opened, and a flood of handshakes without a cookie is refused while the console keeps working.
 */
import { io } from 'socket.io-client';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, StaffSocket, waitFor } from '../staff/staff-fixture';
import { useConsole } from './use-console';

/** How a `/staff` handshake ends: 'connected', or the `connect_error` code. */
function handshake(url: string, headers: Record<string, string>, transport: 'websocket' | 'polling'): Promise<string> {
  return new Promise((resolve) => {
    const socket = io(`${url}/staff`, { transports: [transport], reconnection: false, forceNew: true, extraHeaders: headers });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
      socket.close();
      resolve(err.data?.code ?? err.message);
    });
  });
}

describe('/staff namespace', () => {
  const t = useConsole('agent');

  it.each(['websocket', 'polling'] as const)('should refuse the agent’s cookie from another origin (%s)', async (transport) => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1.evil.example:${t.server.port}`, `http://localhost:${t.server.port + 1}`]) {
      expect([origin, await handshake(t.server.url, { Cookie: t.console.cookie, Origin: origin }, transport)]).toEqual([origin, 'KEFU_AUTH']);
    }
    expect(await handshake(t.server.url, { Cookie: t.console.cookie, Origin: t.server.url }, transport)).toBe('connected');
  });

  it('should refuse 200 handshakes without a cookie at once and keep serving the console', async () => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, () => handshake(t.server.url, {}, 'websocket')));
    const elapsed = Date.now() - started;
    expect(answers.every((a) => a === 'KEFU_AUTH')).toBe(true);
    expect(elapsed).toBeLessThan(10_000);
    const watch = await StaffSocket.connect(t.server.url, t.console.cookie);
    const shopper = await ChatClient.connect(t.server.url, { locale: 'en' });
    try {
      await shopper.say('hello');
      await waitFor(() => watch.activities.find((a) => a.conversationId === shopper.session.conversationId), 5000, 'the shopper on /staff');
    } finally {
      shopper.close();
      watch.close();
    }
  });
});

describe('/staff namespace when the session expires', () => {
  let server: TestServer;
  beforeAll(async () => {
    // 0.001 h = 3.6 s.
    server = await startTestServer({ staff: { sessionHours: 0.001, secureCookies: false } });
  });
  afterAll(async () => server.close());

  it('should disconnect the socket at expiry and refuse to reconnect with the old cookie', async () => {
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
    const watch = await StaffSocket.connect(server.url, agent.cookie);
    const ended = new Promise<string>((resolve) => watch.socket.once('disconnect', (reason) => resolve(reason)));
    await expect(ended).resolves.toBe('io server disconnect');
    expect(await handshake(server.url, { Cookie: agent.cookie, Origin: server.url }, 'websocket')).toBe('KEFU_AUTH');
    expect((await agent.get('/api/staff/me')).status).toBe(401);
  }, 15_000);
});
