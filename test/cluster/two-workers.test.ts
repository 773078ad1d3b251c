/**
 * `kefu serve --workers 2` end to end (issue 13, both cores): one port, two worker processes on
 * one embedded store. Staff on one worker take over, write to and release a conversation served
 * by the other; the turns of one conversation whose two sockets sit on different workers keep
 * their arrival order, each answered once; a worker killed with SIGKILL is replaced and its
 * shopper reconnects and resumes. zh and en.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import type { ChatActivity } from '../../src/core/conversation';
import { createStaffAccount } from '../../src/staff/create-staff-account';
import { openStores } from '../../src/storage/open-stores';
import { buildOnce } from '../durability/kefu-process';
import { ConsoleClient } from '../staff/staff-fixture';
import { startCluster, type ClusterProcess } from './cluster-process';
import { Shopper, Staff, waitFor } from './cluster-clients';

jest.setTimeout(240_000);

const TEXTS = {
  zh: { hello: '你好', agent: '您好，我是客服小王，我来帮您查一下。', during: '好的，谢谢', after: '你好', order: ['你好', '有什么推荐的吗', '怎么退货', '运费多少', '谢谢', '再见'] },
  en: { hello: 'hello', agent: 'Hi, this is Wang from support, let me check that for you.', during: 'ok, thanks', after: 'hello', order: ['hello', 'anything to recommend?', 'how do I return an item', 'how much is shipping', 'thanks', 'bye'] },
} as const;
type Locale = keyof typeof TEXTS;
const LOCALES: Locale[] = ['zh', 'en'];

let dataDir = '';
let server: ClusterProcess;
let login: { name: string; password: string };
const open: { close(): void }[] = [];

beforeAll(async () => {
  buildOnce();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-cluster-'));
  // The account is made before the server starts, as `kefu staff add` would.
  const stores = await openStores(loadConfig({ dataDir }));
  const { password } = await createStaffAccount(stores.staff, { name: 'agent-cluster', role: 'agent', displayName: 'Wang' }, { staffId: 'cli', staffName: 'cli' });
  await stores.close();
  login = { name: 'agent-cluster', password };
  server = await startCluster(dataDir, 2);
});

afterEach(() => open.splice(0).forEach((c) => c.close()));

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Connects shoppers (least-connection balancing alternates) until one is on a worker other than `not`. */
async function shopperNotOn(not: string, auth: Record<string, unknown>, reconnect = false): Promise<Shopper> {
  for (let tries = 0; tries < 8; tries++) {
    const shopper = await Shopper.connect(server.url, auth, reconnect);
    open.push(shopper);
    if (shopper.worker !== not) return shopper;
  }
  throw new Error(`every shopper landed on worker ${not}`);
}

const botMessages = (activities: ChatActivity[]): ChatActivity[] => activities.filter((a) => a.type === 'message' && a.from.role === 'bot');

describe.each(LOCALES)('two workers (%s)', (locale) => {
  const t = TEXTS[locale];

  test('staff on one worker take over, write to and release a conversation served by the other', async () => {
    const agent = await ConsoleClient.login(server.url, login);
    const staff = await Staff.connect(server.url, agent.cookie);
    open.push(staff);
    const shopper = await shopperNotOn(staff.worker, { locale });
    const id = shopper.session.conversationId;

    expect(botMessages(await shopper.say(t.hello)).length).toBeGreaterThan(0);
    // The shopper's message, stored on the shopper's worker, reaches the console on the other.
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
  });

  test('the turns of one conversation with a socket on each worker keep their arrival order, each answered once', async () => {
    const first = await Shopper.connect(server.url, { locale });
    open.push(first);
    const id = first.session.conversationId;
    await first.say(t.hello); // stores the conversation, so the second socket resumes it
    const second = await shopperNotOn(first.worker, { locale, conversationId: id });
    expect(second.session).toMatchObject({ conversationId: id, resumed: true });

    // Each message is sent once the previous one is acknowledged, alternating sockets, without waiting for answers.
    const sent: string[] = [];
    for (const [i, text] of t.order.entries()) sent.push(await (i % 2 === 0 ? first : second).send(text));
    for (const msgId of sent) await first.turnOf(msgId);

    const stored = (await first.history()).filter((a) => a.from.role === 'bot' && sent.includes(a.replyToId ?? ''));
    // Every message answered, without an error notice, and all the answers of one before any of the next.
    expect(stored.every((a) => a.channelData?.error === undefined)).toBe(true);
    const order = stored.map((a) => a.replyToId).filter((r, i, all) => i === 0 || all[i - 1] !== r);
    expect(order).toEqual(sent);
    // Answered once: what is stored for each message is what its one turn delivered.
    for (const msgId of sent) {
      const live = first.received.filter((a) => a.type === 'message' && a.replyToId === msgId).map((a) => a.id);
      expect(stored.filter((a) => a.replyToId === msgId).map((a) => a.id)).toEqual(live);
    }
  });
});

test('a worker killed with SIGKILL is replaced; its shopper reconnects and resumes (zh, en)', async () => {
  const shoppers = await Promise.all(LOCALES.map((locale) => Shopper.connect(server.url, { locale }, true)));
  open.push(...shoppers);
  // The one whose worker dies; the other may be on either.
  const victim = shoppers[0];
  for (const [i, s] of shoppers.entries()) expect(botMessages(await s.say(TEXTS[LOCALES[i]].hello)).length).toBeGreaterThan(0);
  const pid = server.pidOf(victim.worker);
  process.kill(pid, 'SIGKILL');
  await server.waitForOutput(new RegExp(`kefu worker (\\d+) replaced worker ${victim.worker}\\n`), 120_000);

  await waitFor(() => victim.sessions.length > 0, 60_000, 'the shopper to reconnect');
  expect(victim.sessions[0]).toMatchObject({ conversationId: victim.session.conversationId, resumed: true });
  const before = (await victim.history()).filter((a) => a.from.role === 'user').map((a) => a.text);
  expect(before).toEqual([TEXTS.zh.hello]);
  expect(botMessages(await victim.say(TEXTS.zh.after)).length).toBeGreaterThan(0);
  for (const [i, s] of shoppers.entries()) {
    if (s !== victim) expect(botMessages(await s.say(TEXTS[LOCALES[i]].after)).length).toBeGreaterThan(0);
  }
  expect(() => process.kill(pid, 0)).toThrow();
});
