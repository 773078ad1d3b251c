/**
 * Live takeover against the real server, in zh and en: the bot hands a conversation off and the
 * console hears of it, one agent takes it (a second is refused with "already taken by X"), the
 * agent's message reaches the shopper's widget, the bot stays quiet while the shopper's words
 * reach the console, and release hands it back to the bot. Each step is in the audit log.
 */
import type { ChatActivity } from '../../src/core/conversation';
import { ChatClient } from '../helpers/chat-client';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { addStaff, ConsoleClient, StaffSocket, waitFor } from './staff-fixture';

const CASES = [
  {
    locale: 'zh',
    handoff: '转人工',
    hello: '你好',
    agentName: '客服小李',
    agentText: '您好，我是客服小李，请问有什么可以帮您？',
    secondName: '客服小王',
    taken: (name: string) => `已由 ${name} 接管。`,
  },
  {
    locale: 'en',
    handoff: 'I want to talk to a human agent',
    hello: 'hello',
    agentName: 'Alice',
    agentText: 'Hi, this is Alice. How can I help?',
    secondName: 'Bob',
    taken: (name: string) => `Already taken by ${name}.`,
  },
] as const;

type Error = { error: { code: string; message: string; zh: string; holder?: { staffId: string; staffName: string } } };

describe('takeover', () => {
  let server: TestServer;
  const closers: (() => void)[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => closers.splice(0).forEach((close) => close()));
  afterAll(async () => server.close());

  it.each(CASES)('should hand off, take over, relay both ways and release ($locale)', async (c) => {
    const first = await ConsoleClient.login(server.url, await addStaff(server, 'agent', c.agentName));
    const second = await ConsoleClient.login(server.url, await addStaff(server, 'agent', c.secondName));
    const watch = await StaffSocket.connect(server.url, first.cookie);
    const shopper = await ChatClient.connect(server.url, { locale: c.locale });
    closers.push(() => watch.close(), () => shopper.close());
    const id = shopper.session.conversationId;

    // The bot hands off during a turn: the console learns it live, and the queue shows it.
    const handoff = await shopper.say(c.handoff);
    expect(handoff.messages[0].channelData?.handoff).toBe(true);
    const handedOff = await waitFor(() => watch.conversations.find((u) => u.conversation.id === id && u.conversation.handoff), 5000, 'the handoff event');
    expect(handedOff.handoff).toMatchObject({ conversationId: id, reason: expect.stringContaining('agent.handoff') });
    const live = await first.get<{ queue: { conversation: { id: string }; reason: string; waitingSeconds: number; assignment: unknown; lastText?: string }[] }>('/api/staff/live');
    const queued = live.body.queue.find((q) => q.conversation.id === id);
    expect(queued).toMatchObject({ assignment: null, lastText: c.handoff });
    expect(queued!.waitingSeconds).toBeGreaterThanOrEqual(0);

    // One agent at a time.
    const taken = await first.post<{ assignment: { conversationId: string; staffId: string; staffName: string } }>(`/api/staff/conversations/${id}/takeover`);
    expect(taken.status).toBe(200);
    expect(taken.body.assignment).toMatchObject({ conversationId: id, staffId: first.staff.id, staffName: c.agentName });
    expect((await first.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200); // taking it again is fine
    const refused = await second.post<Error>(`/api/staff/conversations/${id}/takeover`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'KEFU_CONFLICT', message: `Already taken by ${c.agentName}.`, zh: `已由 ${c.agentName} 接管。`, holder: { staffId: first.staff.id, staffName: c.agentName } });
    expect(c.taken(c.agentName)).toBe(c.locale === 'zh' ? refused.body.error.zh : refused.body.error.message);
    await waitFor(() => watch.conversations.find((u) => u.conversation.id === id && u.assignment), 5000, 'the takeover event');
    const after = await first.get<{ queue: { conversation: { id: string } }[] }>('/api/staff/live');
    expect(after.body.queue.some((q) => q.conversation.id === id)).toBe(false);
    const detail = await first.get<{ conversation: { handoff: boolean }; assignment: { staffId: string }; handoff: unknown }>(`/api/staff/conversations/${id}`);
    expect(detail.body).toMatchObject({ conversation: { handoff: true }, assignment: { staffId: first.staff.id }, handoff: null });

    // The agent writes; the shopper's widget shows it as the agent's, with the display name.
    const sent = await first.post<{ activity: ChatActivity; delivered: boolean }>(`/api/staff/conversations/${id}/messages`, { text: c.agentText });
    expect(sent.status).toBe(200);
    expect(sent.body.delivered).toBe(true);
    expect(sent.body.activity).toMatchObject({ from: { id: first.staff.id, role: 'agent', name: c.agentName }, text: c.agentText, conversationId: id });
    const received = await waitFor(() => shopper.received.find((a) => a.from.role === 'agent'), 5000, "the agent's message in the widget");
    expect(received).toMatchObject({ id: sent.body.activity.id, type: 'message', text: c.agentText, from: { role: 'agent', name: c.agentName } });
    expect((await shopper.history()).find((a) => a.id === sent.body.activity.id)).toMatchObject({ text: c.agentText, from: { role: 'agent', name: c.agentName } });
    expect((await second.post(`/api/staff/conversations/${id}/messages`, { text: 'me too' })).status).toBe(409);
    expect((await first.post(`/api/staff/conversations/${id}/messages`, { text: '' })).status).toBe(400);
    expect((await first.post(`/api/staff/conversations/${id}/messages`, { text: 'x'.repeat(2001) })).status).toBe(400);

    // While taken the bot stays quiet; the shopper's words reach the console.
    const quiet = await shopper.say(c.hello);
    expect(quiet.ack.ok).toBe(true);
    expect(quiet.messages).toEqual([]);
    await waitFor(() => watch.activities.find((a) => a.conversationId === id && a.from.role === 'user' && a.text === c.hello), 5000, "the shopper's message on /staff");

    // Only the holder releases; then the bot answers again.
    expect((await second.post(`/api/staff/conversations/${id}/release`)).status).toBe(409);
    expect((await first.post(`/api/staff/conversations/${id}/release`)).body).toEqual({ ok: true });
    await waitFor(() => watch.conversations.find((u) => u.conversation.id === id && !u.conversation.handoff && u.assignment === null), 5000, 'the release event');
    const answered = await shopper.say(c.hello);
    expect(answered.messages.length).toBeGreaterThan(0);
    expect(answered.messages[0].from.role).toBe('bot');
    expect(answered.messages[0].locale).toBe(c.locale);

    // Who did what, and when.
    const admin = await ConsoleClient.login(server.url, await addStaff(server, 'admin'));
    const audit = await admin.get<{ entries: { action: string; staffId: string; conversationId?: string; at: string }[] }>('/api/staff/audit?limit=500');
    const mine = audit.body.entries.filter((e) => e.conversationId === id);
    expect(mine.map((e) => e.action).sort()).toEqual(['release', 'reply', 'takeover', 'takeover']);
    expect(mine.every((e) => e.staffId === first.staff.id && !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('should keep a shopper message with markup as text on its way to the console', async () => {
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
    const watch = await StaffSocket.connect(server.url, agent.cookie);
    const shopper = await ChatClient.connect(server.url);
    closers.push(() => watch.close(), () => shopper.close());
    const xss = '<img src=x onerror=alert(1)>';
    await shopper.say(xss);
    const seen = await waitFor(() => watch.activities.find((a) => a.conversationId === shopper.session.conversationId && a.from.role === 'user'));
    expect(seen.text).toBe(xss);
  });

  it('should relay the staff (redacted) copy of a shopper message to the console', async () => {
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
    const watch = await StaffSocket.connect(server.url, agent.cookie);
    const shopper = await ChatClient.connect(server.url, { locale: 'zh' });
    closers.push(() => watch.close(), () => shopper.close());
    await shopper.say('我的手机号是13812345678，邮箱li@example.com');
    const seen = await waitFor(() => watch.activities.find((a) => a.conversationId === shopper.session.conversationId && a.from.role === 'user'));
    expect(seen.text).not.toContain('13812345678');
    expect(seen.text).not.toContain('li@example.com');
    expect(seen.text).toContain('[电话]');
  });

  it('should answer 404 for takeover of a conversation that does not exist', async () => {
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
    for (const id of ['no-such-conversation', encodeURIComponent('{"$gt":""}'), '__proto__']) {
      const res = await agent.post<Error>(`/api/staff/conversations/${id}/takeover`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('KEFU_NOT_FOUND');
    }
  });
});
