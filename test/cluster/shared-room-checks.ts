/**
 * @module test/cluster/shared-room-checks
 * The checks that rooms and turns are shared between processes, for any two places a shopper and
 * an agent (or two sockets of one conversation) may sit: two workers of one server, or two servers
 * on one MongoDB. zh and en texts.
 */
import type { ChatActivity } from '../../src/core/conversation';
import type { ConsoleClient } from '../staff/staff-fixture';
import { waitFor, type Shopper, type Staff } from './cluster-clients';

export const TEXTS = {
  zh: { hello: '你好', agent: '您好，我是客服小王，我来帮您查一下。', during: '好的，谢谢', after: '你好', order: ['你好', '有什么推荐的吗', '怎么退货', '运费多少', '谢谢', '再见'] },
  en: { hello: 'hello', agent: 'Hi, this is Wang from support, let me check that for you.', during: 'ok, thanks', after: 'hello', order: ['hello', 'anything to recommend?', 'how do I return an item', 'how much is shipping', 'thanks', 'bye'] },
} as const;
export type Locale = keyof typeof TEXTS;
export const LOCALES: Locale[] = ['zh', 'en'];

export const botMessages = (activities: ChatActivity[]): ChatActivity[] => activities.filter((a) => a.type === 'message' && a.from.role === 'bot');

/**
 * The agent (`agent` over HTTP, `staff` on `/staff`, both on one process) sees the shopper's
 * message, takes over, writes (the shopper on another process gets it), and releases.
 */
export async function expectTakeoverAcross(agent: ConsoleClient, staff: Staff, shopper: Shopper, locale: Locale): Promise<void> {
  const t = TEXTS[locale];
  const id = shopper.session.conversationId;
  expect(botMessages(await shopper.say(t.hello)).length).toBeGreaterThan(0);
  // The shopper's message, stored where the shopper is, reaches the console on the other process.
  await waitFor(() => staff.activities.some((a) => a.conversationId === id && a.from.role === 'user' && a.text === t.hello), 10_000, 'the message on /staff');

  expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
  await waitFor(() => staff.conversations.some((c) => c.conversation.id === id && c.conversation.handoff), 10_000, 'the takeover on /staff');

  const sent = await agent.post<{ delivered: boolean }>(`/api/staff/conversations/${id}/messages`, { text: t.agent });
  expect(sent.status).toBe(200);
  expect(sent.body.delivered).toBe(true);
  const agentMessage = await waitFor(() => shopper.received.find((a) => a.from.role === 'agent'), 10_000, "the agent's message at the shopper");
  expect(agentMessage).toMatchObject({ text: t.agent, conversationId: id, from: { role: 'agent', name: 'Wang' } });

  // Held by staff: the bot stays quiet; the console still sees the shopper.
  expect(await shopper.say(t.during)).toEqual([]);
  await waitFor(() => staff.activities.some((a) => a.conversationId === id && a.text === t.during), 10_000, 'the held message on /staff');

  expect((await agent.post(`/api/staff/conversations/${id}/release`)).body).toEqual({ ok: true });
  await waitFor(() => staff.conversations.some((c) => c.conversation.id === id && !c.conversation.handoff), 10_000, 'the release on /staff');
  expect(botMessages(await shopper.say(t.after)).length).toBeGreaterThan(0);
}

/**
 * Two sockets of one conversation on different processes send in turn, each message once the
 * previous one is acknowledged, without waiting for answers: every message is answered, once,
 * without an error notice, all the answers of one before any of the next.
 */
export async function expectArrivalOrderAcross(first: Shopper, second: Shopper, locale: Locale): Promise<void> {
  const sent: string[] = [];
  for (const [i, text] of TEXTS[locale].order.entries()) sent.push(await (i % 2 === 0 ? first : second).send(text));
  for (const msgId of sent) await first.turnOf(msgId);

  const stored = (await first.history()).filter((a) => a.from.role === 'bot' && sent.includes(a.replyToId ?? ''));
  expect(stored.every((a) => a.channelData?.error === undefined)).toBe(true);
  const order = stored.map((a) => a.replyToId).filter((r, i, all) => i === 0 || all[i - 1] !== r);
  expect(order).toEqual(sent);
  // Answered once: what is stored for each message is what its one turn delivered (to the first socket).
  for (const msgId of sent) {
    const live = first.received.filter((a) => a.type === 'message' && a.replyToId === msgId).map((a) => a.id);
    expect(stored.filter((a) => a.replyToId === msgId).map((a) => a.id)).toEqual(live);
  }
}
