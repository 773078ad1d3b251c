/**
 * A staff agent and a Bot Framework shopper, end to end against the real server, in zh and en:
 * the shopper asks for a person through `POST /api/messages`, an agent signs in to the console
 * API, takes the conversation over and writes; the message reaches the shopper's channel through
 * `continueConversationAsync` (a small HTTP server plays the Bot Connector) saying who wrote it;
 * the bot stays quiet while the agent holds the conversation and answers again after release.
 * Retention forgets the channel's reference with the conversation, and a shopper who comes back
 * afterwards is reached again.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReferenceStore } from '../../src/channels/botframework';
import type { ChatActivity } from '../../src/core/conversation';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, waitFor } from '../staff/staff-fixture';

type Json = Record<string, any>;

/** The Bot Connector's send and reply endpoints, recording each activity with the conversation it went to. */
class BotConnector {
  readonly received: { conversation: string; activity: Json }[] = [];
  url = '';
  private readonly server = http.createServer((req, res) => {
    const route = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
    const body: Buffer[] = [];
    req.on('data', (chunk: Buffer) => body.push(chunk));
    req.on('end', () => {
      if (!route || req.method !== 'POST') return void res.writeHead(404).end();
      this.received.push({ conversation: decodeURIComponent(route[1]), activity: JSON.parse(Buffer.concat(body).toString('utf8')) as Json });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: `delivered-${this.received.length}` }));
    });
  });

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** What reached the channel conversation `conversation` after the first `skip` activities. */
  messagesIn(conversation: string, skip = 0): Json[] {
    return this.received.slice(skip).filter((r) => r.conversation === conversation && r.activity.type === 'message').map((r) => r.activity);
  }
}

const CASES = [
  { locale: 'zh', tag: 'zh-CN', handoff: '转人工', agent: '李娜', agentText: '您好，我是客服李娜，请问有什么可以帮您？', meanwhile: '我的订单还没到', hello: '你好', heading: '李娜（人工客服）：', joined: '客服 李娜 已接入', left: '客服 李娜 已离开' },
  { locale: 'en', tag: 'en-US', handoff: 'I want to talk to a human agent', agent: 'Alice', agentText: 'Hi, this is Alice from the shop. How can I help?', meanwhile: 'my order has not arrived', hello: 'hello', heading: 'Alice (shop staff):', joined: 'Alice from our team has joined the chat', left: 'Alice has left the chat' },
] as const;

describe('Bot Framework channel with a staff agent', () => {
  const connector = new BotConnector();
  let server: TestServer;
  let seq = 0;
  beforeAll(async () => {
    await connector.listen();
    // No app id: unauthenticated requests from this machine, as from the Bot Framework Emulator.
    server = await startTestServer({ production: false, botFramework: { allowUnauthenticated: true } });
  });
  afterAll(async () => {
    await server?.close();
    await connector.close();
  });

  /** The shopper `userId` writes `text` in channel conversation `conversation`; resolves with the activity id once answered. */
  async function shopperSays(userId: string, conversation: string, text: string, tag: string): Promise<string> {
    const id = `bf-agent-${++seq}`;
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id,
        timestamp: new Date().toISOString(),
        channelId: 'webchat',
        serviceUrl: connector.url,
        locale: tag,
        from: { id: userId, name: 'Web Chat user' },
        recipient: { id: 'kefu-bot', name: 'kefu' },
        conversation: { id: conversation },
        text,
      }),
    });
    expect(res.status).toBe(200);
    return id;
  }

  /** Each bot reply the connector got for the shopper's activity `id`. */
  const botRepliesTo = (id: string): Json[] => connector.received.map((r) => r.activity).filter((a) => a.replyToId === id && a.type === 'message');

  it.each(CASES)("should carry the agent's words with their name to the channel, keep the bot quiet while taken, and hand back on release ($locale)", async (c) => {
    const userId = `bf-user-${c.locale}`;
    const channelConversation = `bf-conversation-${c.locale}`;
    const conversationId = `botframework:webchat:${userId}`;
    const asked = await shopperSays(userId, channelConversation, c.handoff, c.tag);
    expect(botRepliesTo(asked).length).toBeGreaterThan(0);
    expect((await server.stores.conversations.get(conversationId))?.handoff).toBe(true);

    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', c.agent));
    const queue = await agent.get<{ queue: { conversation: { id: string; channel: string } }[] }>('/api/staff/live');
    expect(queue.body.queue.find((q) => q.conversation.id === conversationId)?.conversation.channel).toBe('botframework');
    const beforeTakeover = connector.received.length;
    expect((await agent.post(`/api/staff/conversations/${encodeURIComponent(conversationId)}/takeover`)).status).toBe(200);
    // The shopper is told on the channel that a person joined.
    await waitFor(() => connector.messagesIn(channelConversation, beforeTakeover).find((m) => String(m.text).includes(c.joined)), 10000, '"agent joined" at the connector');

    const before = connector.received.length;
    const sent = await agent.post<{ activity: ChatActivity; delivered: boolean }>(`/api/staff/conversations/${encodeURIComponent(conversationId)}/messages`, { text: c.agentText });
    expect(sent.status).toBe(200);
    expect(sent.body.delivered).toBe(true);
    const [pushed] = await waitFor(() => connector.messagesIn(channelConversation, before).length > 0 && connector.messagesIn(channelConversation, before), 10000, "the agent's message at the connector");
    expect(pushed.text).toBe(`${c.heading}\n${c.agentText}`);
    expect(pushed).toMatchObject({ type: 'message', locale: c.locale, recipient: { id: userId }, conversation: { id: channelConversation } });
    expect((await server.stores.transcripts.get(conversationId, sent.body.activity.id))?.from).toEqual({ id: agent.staff.id, role: 'agent', name: c.agent });

    // While the agent holds it the bot says nothing, not even "typing"; the words are stored for the agent.
    const quiet = await shopperSays(userId, channelConversation, c.meanwhile, c.tag);
    expect(connector.received.filter((r) => r.activity.replyToId === quiet)).toEqual([]);
    expect((await server.stores.transcripts.list(conversationId, { limit: 100 })).find((a) => a.id === quiet)?.text).toBe(c.meanwhile);

    const beforeRelease = connector.received.length;
    expect((await agent.post(`/api/staff/conversations/${encodeURIComponent(conversationId)}/release`)).status).toBe(200);
    await waitFor(() => connector.messagesIn(channelConversation, beforeRelease).find((m) => String(m.text).includes(c.left)), 10000, '"agent left" at the connector');
    const again = await shopperSays(userId, channelConversation, c.hello, c.tag);
    const replies = botRepliesTo(again);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies[0].locale).toBe(c.locale);
    expect(replies.some((r) => String(r.text).includes(c.heading))).toBe(false);
  });

  it('should forget the channel reference at retention, and reach a shopper who comes back', async () => {
    const userId = 'bf-user-returning';
    const conversationId = `botframework:webchat:${userId}`;
    const key = ReferenceStore.key(conversationId);
    await shopperSays(userId, 'bf-conversation-old', '转人工', 'zh-CN');
    expect(Object.keys(await server.stores.state.read([key]))).toEqual([key]);

    // Every conversation of this server is idle before a cutoff in the future.
    expect(await server.stores.conversations.deleteInactiveSince!(new Date(Date.now() + 60_000).toISOString())).toBeGreaterThan(0);
    expect(await server.stores.conversations.get(conversationId)).toBeNull();
    expect(await server.stores.state.read([key])).toEqual({});

    // The same shopper, from the same place as before: the reference is stored again.
    await shopperSays(userId, 'bf-conversation-old', '转人工', 'zh-CN');
    expect(Object.keys(await server.stores.state.read([key]))).toEqual([key]);
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent', '王芳'));
    const beforeTakeover = connector.received.length;
    expect((await agent.post(`/api/staff/conversations/${encodeURIComponent(conversationId)}/takeover`)).status).toBe(200);
    await waitFor(() => connector.messagesIn('bf-conversation-old', beforeTakeover).find((m) => String(m.text).includes('王芳 已接入')), 10000, '"agent joined" at the connector');
    const before = connector.received.length;
    expect((await agent.post(`/api/staff/conversations/${encodeURIComponent(conversationId)}/messages`, { text: '您好，欢迎回来。' })).status).toBe(200);
    const [pushed] = await waitFor(() => connector.messagesIn('bf-conversation-old', before).length > 0 && connector.messagesIn('bf-conversation-old', before), 10000, "the agent's message at the connector");
    expect(pushed.text).toBe('王芳（人工客服）：\n您好，欢迎回来。');
  });
});
