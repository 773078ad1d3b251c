/**
 * `GET /api/staff/live` against the real server, in zh and en: the active list is newest first
 * and each row's `lastText` is the conversation's latest message (the bot's greeting, then the
 * agent's reply, then the shopper's next words), and the queue quotes the shopper's latest words.
 * Whenever the console hears of a message on `/staff`, the live list it fetches right then
 * already shows it (what the console's live page relies on).
 */
import type { ChatActivity } from '../../src/core/conversation';
import type { LiveItem, QueueItem } from '../../src/staff/live-view';
import { useChatServer } from '../helpers/use-chat-server';
import { addStaff, ConsoleClient, StaffSocket, waitFor } from './staff-fixture';

const CASES = [
  { locale: 'zh', hello: '你好', other: '包邮吗', agentText: '您好，我是客服小李，马上为您处理。', later: '好的，谢谢', handoff: '转人工', more: '我还在等' },
  { locale: 'en', hello: 'hello', other: 'is shipping free?', agentText: 'Hi, this is Alice from the shop.', later: 'great, thanks', handoff: 'I want to talk to a human agent', more: 'still waiting' },
] as const;

type Live = { queue: QueueItem[]; active: LiveItem[] };

describe('GET /api/staff/live', () => {
  const chat = useChatServer();
  const watchers: StaffSocket[] = [];
  afterEach(() => watchers.splice(0).forEach((w) => w.close()));

  it.each(CASES)("should put the latest message in each row, newest conversation first ($locale)", async (c) => {
    const { server } = chat;
    const agent = await ConsoleClient.login(server.url, await addStaff(server, 'agent'));
    const watch = await StaffSocket.connect(server.url, agent.cookie);
    watchers.push(watch);
    const first = await chat.connect({ locale: c.locale });
    const second = await chat.connect({ locale: c.locale });
    const id = first.session.conversationId;
    const otherId = second.session.conversationId;
    const live = async (): Promise<Live> => (await agent.get<Live>('/api/staff/live')).body;
    const order = (l: Live): string[] => l.active.map((a) => a.conversation.id).filter((x) => x === id || x === otherId);
    const row = (l: Live, conversationId = id): LiveItem | undefined => l.active.find((a) => a.conversation.id === conversationId);

    /** Waits for the `/staff` event of the message with `text`, then reads the live list at once. */
    const liveWhenHeard = async (text: string, role: ChatActivity['from']['role']): Promise<Live> => {
      await waitFor(() => watch.activities.find((a) => a.conversationId === id && a.from.role === role && a.text === text), 5000, `${role}: ${text} on /staff`);
      return live();
    };

    const greeting = (await first.say(c.hello)).messages.at(-1)!;
    await second.say(c.other);
    let now = await live();
    expect(order(now)).toEqual([otherId, id]);
    expect(row(now)).toMatchObject({ lastText: greeting.text, userMessages: 1, assignment: null });

    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    expect((await agent.post(`/api/staff/conversations/${id}/messages`, { text: c.agentText })).status).toBe(200);
    now = await liveWhenHeard(c.agentText, 'agent');
    expect(order(now)).toEqual([id, otherId]);
    expect(row(now)).toMatchObject({ lastText: c.agentText, assignment: { staffId: agent.staff.id }, humanInvolved: true });
    expect(Date.parse(row(now)!.lastActivityAt)).toBeGreaterThan(Date.parse(row(now, otherId)!.lastActivityAt));

    // The bot is quiet while the agent holds it: the shopper's words are the latest.
    expect((await first.say(c.later)).messages).toEqual([]);
    now = await liveWhenHeard(c.later, 'user');
    expect(row(now)).toMatchObject({ lastText: c.later, userMessages: 2 });
    expect(order(now)).toEqual([id, otherId]);

    // Someone else writes: they come first again, with their own latest message.
    const answer = (await second.say(c.hello)).messages.at(-1)!;
    now = await live();
    expect(order(now)).toEqual([otherId, id]);
    expect(row(now, otherId)!.lastText).toBe(answer.text);
    expect(row(now)!.lastText).toBe(c.later);
  });

  it.each(CASES)("should quote the queued shopper's latest words ($locale)", async (c) => {
    const agent = await ConsoleClient.login(chat.server.url, await addStaff(chat.server, 'agent'));
    const shopper = await chat.connect({ locale: c.locale });
    const id = shopper.session.conversationId;
    await shopper.say(c.handoff);
    const queued = async (): Promise<QueueItem | undefined> => (await agent.get<Live>('/api/staff/live')).body.queue.find((q) => q.conversation.id === id);
    expect(await queued()).toMatchObject({ lastText: c.handoff });
    await shopper.say(c.more);
    expect(await queued()).toMatchObject({ lastText: c.more, reason: expect.stringContaining(c.handoff) });
    expect((await agent.get<Live>('/api/staff/live')).body.active.some((a) => a.conversation.id === id)).toBe(false);
  });

  // With no console open, a one-process server relays nothing to /staff (it skips the staff copy of each turn):
  // a console that opens later still hears every turn and handoff from then on, and its lists hold the earlier ones.
  it.each(CASES)('should relay turns and handoffs to a console that connects after the shopper began ($locale)', async (c) => {
    const agent = await ConsoleClient.login(chat.server.url, await addStaff(chat.server, 'agent'));
    const shopper = await chat.connect({ locale: c.locale });
    const id = shopper.session.conversationId;
    await shopper.say(c.hello);
    const watch = await StaffSocket.connect(chat.server.url, agent.cookie);
    watchers.push(watch);
    expect((await agent.get<Live>('/api/staff/live')).body.active.find((a) => a.conversation.id === id)).toMatchObject({ userMessages: 1 });
    await shopper.say(c.other);
    await waitFor(() => watch.activities.find((a) => a.conversationId === id && a.from.role === 'user' && a.text === c.other), 5000, `${c.other} on /staff`);
    await waitFor(() => watch.activities.find((a) => a.conversationId === id && a.from.role === 'bot'), 5000, 'the reply on /staff');
    expect(watch.activities.some((a) => a.conversationId === id && a.text === c.hello)).toBe(false);
    await shopper.say(c.handoff);
    await waitFor(() => watch.conversations.find((u) => u.conversation.id === id && u.conversation.handoff), 5000, 'the handoff on /staff');
  });
});
