/**
 * Honest handoff (issue 12) on the real server, in zh and en: while a conversation waits for
 * staff every shopper message is answered with its place in the queue and an estimate (or,
 * outside staff hours, when staff are back) and a button back to the assistant, which leaves
 * the queue; the shopper's words stay in the transcript. An agent taking over and releasing is
 * announced to the shopper; while the agent holds it the bot says nothing, to words or taps.
 * Staff hours come from the file the test configures, also served to the page (`/api/v1/shop-info`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChatActivity } from '../../src/core/conversation';
import { LEAVE_QUEUE } from '../../src/dialogs/handoff-waiting';
import type { ChatClient, Turn } from '../helpers/chat-client';
import { useChatServer } from '../helpers/use-chat-server';
import { addStaff, ConsoleClient, waitFor } from '../staff/staff-fixture';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function hoursFile(name: string, data: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-hours-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
}

/** Staff at work every minute of every day; 4 minutes per conversation. */
const ALWAYS_OPEN = hoursFile('always.json', {
  timeZone: 'UTC',
  zoneName: { zh: '协调世界时', en: 'UTC' },
  weekly: Object.fromEntries(ALL_DAYS.map((d) => [d, [['00:00', '24:00']]])),
  minutesPerConversation: 4,
});

/** Yesterday to the day after tomorrow are closed: staff are next at work in three days, at 9:00 UTC. */
const today = new Date();
const dayOffset = (n: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + n));
const CLOSED_NOW = hoursFile('closed.json', {
  timeZone: 'UTC',
  zoneName: { zh: '协调世界时', en: 'UTC' },
  weekly: Object.fromEntries(ALL_DAYS.map((d) => [d, [['09:00', '17:00']]])),
  holidays: [-1, 0, 1, 2].map((n) => dayOffset(n).toISOString().slice(0, 10)),
  minutesPerConversation: 4,
});
const reopens = dayOffset(3);
const REOPENS = {
  zh: `${reopens.getUTCMonth() + 1}月${reopens.getUTCDate()}日（${'日一二三四五六'.split('').map((d) => '周' + d)[reopens.getUTCDay()]}）9:00（协调世界时）`,
  en: `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][reopens.getUTCDay()]} ${reopens.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][reopens.getUTCMonth()]} at 9:00 (UTC)`,
};

const CASES = [
  {
    locale: 'zh',
    handoff: '转人工',
    waiting: '请问还要等多久',
    again: '我的快递什么时候到',
    position: (n: number) => `第 ${n} 位`,
    estimate: (m: number) => `约 ${m} 分钟`,
    estimateWord: '估算',
    back: '返回智能助手',
    hours: '每天 0:00–24:00（协调世界时）',
    bot: '推荐一款耳机',
    agentName: '客服小周',
    agentText: '您好，我是小周，马上帮您查。',
    joined: '客服 客服小周 已接入',
    left: '客服 客服小周 已离开',
  },
  {
    locale: 'en',
    handoff: 'I want to talk to a real person',
    waiting: 'how long do I have to wait',
    again: 'when will my parcel arrive',
    position: (n: number) => `number ${n} in the queue`,
    estimate: (m: number) => `about ${m} min`,
    estimateWord: 'an estimate',
    back: 'Back to the assistant',
    hours: 'daily 0:00–24:00 (UTC)',
    bot: 'recommend some headphones',
    agentName: 'Dana',
    agentText: 'Hi, Dana here. Let me check that for you.',
    joined: 'Dana from our team has joined the chat',
    left: 'Dana has left the chat',
  },
] as const;

const backButton = (turn: Turn) => turn.messages.flatMap((m) => m.suggestedActions?.actions ?? []).find((a) => a.value === LEAVE_QUEUE);
const queueOf = (turn: Turn) => turn.messages[0]?.channelData?.queue as { position: number; estimateMinutes?: number; staffOnline: boolean } | undefined;

describe('honest handoff, staff at work', () => {
  const chat = useChatServer({ staffHoursFile: ALWAYS_OPEN });

  async function handOff(c: (typeof CASES)[number]): Promise<ChatClient> {
    const shopper = await chat.connect({ locale: c.locale });
    const turn = await shopper.say(c.handoff);
    expect(turn.messages.some((m) => m.channelData?.handoff === true)).toBe(true);
    const last = turn.messages[turn.messages.length - 1];
    expect(last.text).toContain(c.hours);
    expect(backButton(turn)?.title).toBe(c.back);
    return shopper;
  }

  it('should serve the staff hours of the configured file to the page', async () => {
    const res = await fetch(`${chat.server.url}/api/v1/shop-info`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      staffHours: { timeZone: 'UTC', openNow: true, summary: { zh: CASES[0].hours, en: CASES[1].hours }, nextOpening: null },
    });
  });

  it.each(CASES)('should answer every waiting message with the place in the queue and an estimate, and leave the queue on "back" ($locale)', async (c) => {
    const first = await handOff(c);
    const firstWait = await first.say(c.waiting);
    expect(firstWait.messages).toHaveLength(1);
    expect(queueOf(firstWait)).toEqual({ position: 1, estimateMinutes: 4, staffOnline: true });
    expect(firstWait.messages[0].text).toContain(c.position(1));
    expect(firstWait.messages[0].text).toContain(c.estimate(4));
    expect(firstWait.messages[0].text).toContain(c.estimateWord);
    expect(firstWait.messages[0].locale).toBe(c.locale);
    expect(backButton(firstWait)?.title).toBe(c.back);

    // A second shopper queues behind the first.
    const second = await handOff(c);
    const secondWait = await second.say(c.waiting);
    expect(queueOf(secondWait)).toEqual({ position: 2, estimateMinutes: 8, staffOnline: true });
    expect(secondWait.messages[0].text).toContain(c.position(2));
    expect(secondWait.messages[0].text).toContain(c.estimate(8));

    // The waiting message stays in the transcript for the agent, answered by the queue reply.
    const id = (firstWait.ack as { id: string }).id;
    const transcript = await chat.server.stores.transcripts.list(first.session.conversationId, { limit: 100 });
    expect(transcript.find((a) => a.id === id)).toMatchObject({ from: { role: 'user' }, text: c.waiting });
    expect(transcript.some((a) => a.replyToId === id && a.from.role === 'bot')).toBe(true);

    // "Back to the assistant": out of the queue, and the bot answers again.
    const back = await first.tap(LEAVE_QUEUE);
    expect(back.messages[0].channelData).toMatchObject({ handoff: false, intent: { name: 'handoff.leave' } });
    expect(back.messages[0].locale).toBe(c.locale);
    const queue = await chat.server.stores.handoffs.list();
    expect(queue.some((e) => e.conversationId === first.session.conversationId)).toBe(false);
    expect((await chat.server.stores.conversations.get(first.session.conversationId))?.handoff).toBe(false);
    const answered = await first.say(c.bot);
    expect(answered.messages.length).toBeGreaterThan(0);
    expect(answered.messages[0].channelData?.intent).toMatchObject({ name: 'product.recommend' });
    expect(answered.messages.some((m) => m.channelData?.queue !== undefined)).toBe(false);

    // The second shopper moved up.
    expect(queueOf(await second.say(c.again))).toEqual({ position: 1, estimateMinutes: 4, staffOnline: true });
    await second.tap(LEAVE_QUEUE);
  });

  it.each(CASES)('should tell the shopper when an agent joins and leaves, and keep the bot quiet while the agent holds it ($locale)', async (c) => {
    const shopper = await handOff(c);
    const id = shopper.session.conversationId;
    const agent = await ConsoleClient.login(chat.server.url, await addStaff(chat.server, 'agent', c.agentName));

    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);
    const joined = await waitFor(() => shopper.received.find((a) => a.channelData?.agentPresence === 'joined'), 5000, '"agent joined"');
    expect(joined).toMatchObject({ type: 'message', from: { role: 'bot' }, locale: c.locale });
    expect(joined.text).toContain(c.joined);
    // Taking it again is no second "joined".
    expect((await agent.post(`/api/staff/conversations/${id}/takeover`)).status).toBe(200);

    // Words and taps alike: the bot says nothing while the agent holds the conversation.
    const quiet = await shopper.say(c.again);
    expect(quiet.ack.ok).toBe(true);
    expect(quiet.messages).toEqual([]);
    const tapped = await shopper.tap(LEAVE_QUEUE);
    expect(tapped.messages).toEqual([]);
    expect((await chat.server.stores.conversations.get(id))?.handoff).toBe(true);
    const menuTap = await shopper.tap('intent:order.status');
    expect(menuTap.messages).toEqual([]);

    const sent = await agent.post<{ activity: ChatActivity }>(`/api/staff/conversations/${id}/messages`, { text: c.agentText });
    expect(sent.status).toBe(200);
    const fromAgent = await waitFor(() => shopper.received.find((a) => a.from.role === 'agent'), 5000, "the agent's message");
    expect(fromAgent.text).toBe(c.agentText);

    expect((await agent.post(`/api/staff/conversations/${id}/release`)).status).toBe(200);
    const left = await waitFor(() => shopper.received.find((a) => a.channelData?.agentPresence === 'left'), 5000, '"agent left"');
    expect(left.text).toContain(c.left);
    expect(shopper.received.filter((a) => a.channelData?.agentPresence === 'joined')).toHaveLength(1);
    // Both notices are in the shopper's history, in order with the agent's message.
    const history = (await shopper.history()).filter((a) => a.channelData?.agentPresence || a.from.role === 'agent');
    expect(history.map((a) => a.channelData?.agentPresence ?? a.from.role)).toEqual(['joined', 'agent', 'left']);

    const answered = await shopper.say(c.bot);
    expect(answered.messages[0].channelData?.intent).toMatchObject({ name: 'product.recommend' });
  });
});

describe('honest handoff, outside staff hours', () => {
  const chat = useChatServer({ staffHoursFile: CLOSED_NOW });

  it('should serve when staff are back to the page', async () => {
    const body = (await (await fetch(`${chat.server.url}/api/v1/shop-info`)).json()) as { staffHours: Record<string, unknown> };
    expect(body.staffHours).toMatchObject({ openNow: false, nextOpening: REOPENS, summary: { zh: '每天 9:00–17:00（协调世界时）', en: 'daily 9:00–17:00 (UTC)' } });
  });

  it.each(CASES)('should say when staff are back, keep the conversation queued for a message, and say so again while waiting ($locale)', async (c) => {
    const shopper = await chat.connect({ locale: c.locale });
    const turn = await shopper.say(c.handoff);
    const last = turn.messages[turn.messages.length - 1];
    expect(last.text).toContain(REOPENS[c.locale]);
    expect(last.text).toContain(c.locale === 'zh' ? '留言' : 'leave a message');
    expect(backButton(turn)).toBeDefined();
    expect((await chat.server.stores.handoffs.list()).some((e) => e.conversationId === shopper.session.conversationId)).toBe(true);

    const waiting = await shopper.say(c.waiting);
    expect(queueOf(waiting)).toEqual({ position: 1, staffOnline: false });
    expect(waiting.messages[0].text).toContain(REOPENS[c.locale]);
    expect(waiting.messages[0].text).toContain(c.position(1));
    await shopper.tap(LEAVE_QUEUE);
  });
});
