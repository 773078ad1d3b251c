/**
 * @module test/helpers/use-chat-server
 * One real server per `describe`, and shoppers connected to it that are closed after each test.
 * @example const chat = useChatServer(); it('…', async () => { const c = await chat.connect(); });
 */
import type { KefuConfig } from '../../src/config';
import { ChatClient } from './chat-client';
import { startTestServer, type TestServer } from './test-server';

export interface ChatServerFixture {
  readonly server: TestServer;
  connect(auth?: Record<string, unknown>): Promise<ChatClient>;
}

export function useChatServer(overrides: Partial<KefuConfig> = {}): ChatServerFixture {
  let server: TestServer | undefined;
  const clients: ChatClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(overrides);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => server?.close());
  return {
    get server() {
      return server!;
    },
    async connect(auth = {}) {
      const client = await ChatClient.connect(server!.url, auth);
      clients.push(client);
      return client;
    },
  };
}
