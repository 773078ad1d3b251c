/**
 * Durability of one worker under load (issue 13, "Bad input and faults"): `kefu serve --workers 2`
 * with 40 conversations, half in Chinese and half in English, each sending its next message as
 * soon as the previous turn ends; one worker, found among the primary's child processes, is
 * killed with SIGKILL in the middle of it. Its shoppers' clients reconnect on their own and resume
 * their conversation (handshake `auth.conversationId`), every shopper goes on talking, the
 * replacement worker takes new shoppers, and every acknowledged message is stored once and has
 * exactly one answer: the replies of one turn, as many as a new conversation gets for the words.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCluster, type ClusterProcess } from '../cluster/cluster-process';
import { Shopper, waitFor } from '../cluster/cluster-clients';
import { buildOnce } from './kefu-process';

jest.setTimeout(400_000);

const CONVERSATIONS = 40;
/** Acknowledged messages before the kill: three turns per conversation. */
const KILL_AFTER = 120;
/** Messages each shopper sends after the kill, once reconnected. */
const AFTER = 2;
const TEXTS = {
  zh: ['你们运费怎么算', '发什么快递', '支持七天无理由退货吗'],
  en: ['how much is shipping', 'which courier do you use', 'can i return an item within 7 days'],
};
type Locale = keyof typeof TEXTS;
/** 40 shoppers on one address: room for them in the per-address limits. */
const ROOMY = { KEFU_LIMIT_NEW_CONVERSATIONS: '500,3000', KEFU_LIMIT_CONNECTIONS: '500,3000', KEFU_LIMIT_MESSAGE_ADDRESS: '2000,12000' };

interface Acked {
  conversationId: string;
  id: string;
  text: string;
}

/** The pids of `pid`'s child processes (Linux). */
function childrenOf(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`;
  return fs.readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
}

/** Per stored message id of these conversations: its copies and the ids of its bot replies (read beside the server: WAL). */
function transcriptOf(dataDir: string, conversationIds: string[]): { copies: Map<string, number>; replies: Map<string, string[]> } {
  const db = new Database(path.join(dataDir, 'kefu.db'), { readonly: true });
  try {
    const copies = new Map<string, number>();
    const replies = new Map<string, string[]>();
    const rows = db.prepare('SELECT conversation_id AS c, id, reply_to_id AS r, type, role FROM activities ORDER BY seq').all() as { c: string; id: string; r: string | null; type: string; role: string }[];
    const wanted = new Set(conversationIds);
    for (const row of rows.filter((x) => wanted.has(x.c))) {
      if (row.role === 'user') copies.set(`${row.c}/${row.id}`, (copies.get(`${row.c}/${row.id}`) ?? 0) + 1);
      else if (row.role === 'bot' && row.type === 'message' && row.r) replies.set(`${row.c}/${row.r}`, [...(replies.get(`${row.c}/${row.r}`) ?? []), row.id]);
    }
    return { copies, replies };
  } finally {
    db.close();
  }
}

let dataDir = '';
let server: ClusterProcess | undefined;
const open: Shopper[] = [];

beforeAll(() => buildOnce(), 240_000);

afterAll(async () => {
  open.forEach((s) => s.close());
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kefu serve --workers 2 with one worker killed by SIGKILL while 40 conversations are sending (zh and en)', () => {
  it('should answer every acknowledged message exactly once, resume the shoppers of the dead worker and serve from its replacement', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-kill-worker-'));
    server = await startCluster(dataDir, 2, ROOMY);
    const primary = server.child.pid!;
    const langs: Locale[] = Array.from({ length: CONVERSATIONS }, (_, k) => (k % 2 === 0 ? 'zh' : 'en'));
    const shoppers = await Promise.all(langs.map((locale) => Shopper.connect(server!.url, { locale }, true)));
    open.push(...shoppers);

    // The worker of the first shopper dies; the primary handed it about half of them (in turn, even when they connect at once).
    const victim = shoppers[0].worker;
    const pid = server.pidOf(victim);
    expect(childrenOf(primary)).toContain(pid);
    const onVictim = shoppers.filter((s) => s.worker === victim);
    expect(onVictim.length).toBeGreaterThan(0);
    expect(onVictim.length).toBeLessThan(CONVERSATIONS);

    const acked: Acked[] = [];
    const refused: unknown[] = [];
    let killed = false;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      process.kill(pid, 'SIGKILL');
    };
    const fallback = setTimeout(kill, 90_000); // even if fewer messages than planned are acknowledged
    await Promise.all(
      shoppers.map(async (s, k) => {
        for (let i = 0; !killed; i++) {
          const id = `w-${k}-${i}`;
          const text = TEXTS[langs[k]][i % 3];
          const ack = await s.offer(id, text);
          if (ack === null) return;
          if (!ack.ok) return void refused.push(ack);
          acked.push({ conversationId: s.session.conversationId, id, text });
          // Killed right after an acknowledgement on the victim: that turn and others are in flight.
          if (acked.length >= KILL_AFTER && s.worker === victim) return kill();
          await s.turnEndOrDrop(id);
        }
      }),
    );
    clearTimeout(fallback);
    const atKill = acked.length;
    // Left for the replacement's replay: acknowledged, no answer stored yet (reported, not asserted: it depends on timing).
    const { replies: before } = transcriptOf(dataDir, shoppers.map((s) => s.session.conversationId));
    const leftAtKill = acked.filter((a) => !before.has(`${a.conversationId}/${a.id}`)).length;
    expect(refused).toEqual([]);
    expect(atKill).toBeGreaterThanOrEqual(KILL_AFTER);

    const replaced = await server.waitForOutput(new RegExp(`kefu worker (\\d+) replaced worker ${victim}\\n`), 180_000);
    const replacement = replaced[1];
    await waitFor(() => !childrenOf(primary).includes(pid), 10_000, 'the dead worker to leave the primary');
    expect(childrenOf(primary)).toContain(server.pidOf(replacement));

    // The dead worker's shoppers reconnected by themselves and resumed their conversations.
    for (const s of onVictim) {
      await waitFor(() => s.sessions.length > 0 && s.socket.connected, 60_000, 'a shopper of the dead worker to reconnect');
      expect(s.sessions[0]).toMatchObject({ conversationId: s.session.conversationId, resumed: true });
    }
    expect(shoppers.every((s) => s.socket.connected)).toBe(true);

    // Everyone goes on talking, each message acknowledged and answered.
    await Promise.all(
      shoppers.map(async (s, k) => {
        for (let i = 0; i < AFTER; i++) {
          const id = `w-${k}-after-${i}`;
          const text = TEXTS[langs[k]][i % 3];
          const ack = await s.offer(id, text);
          expect(ack).toMatchObject({ ok: true, id });
          acked.push({ conversationId: s.session.conversationId, id, text });
          expect((await s.turnOf(id, 60_000)).length).toBeGreaterThan(0);
        }
      }),
    );

    // The replacement serves: new connections go to the workers in turn, the replacement among them.
    for (const locale of ['zh', 'en'] as Locale[]) {
      let fresh: Shopper | undefined;
      for (let tries = 0; tries < 8 && fresh?.worker !== replacement; tries++) {
        fresh = await Shopper.connect(server.url, { locale });
        open.push(fresh);
      }
      expect(fresh!.worker).toBe(replacement);
      expect((await fresh!.say(TEXTS[locale][0])).filter((a) => a.from.role === 'bot').length).toBeGreaterThan(0);
    }

    // What one turn answers to each text, from a conversation that was never interrupted.
    const expected = new Map<string, number>();
    for (const locale of ['zh', 'en'] as Locale[]) {
      const control = await Shopper.connect(server.url, { locale });
      open.push(control);
      for (const text of TEXTS[locale]) expected.set(text, (await control.say(text)).length);
    }
    expect([...expected.values()].every((n) => n > 0)).toBe(true);

    // Every acknowledged message stored once and answered once: the messages the dead worker left are answered by the replay.
    const conversations = shoppers.map((s) => s.session.conversationId);
    const key = (a: Acked): string => `${a.conversationId}/${a.id}`;
    const answered = (): boolean => {
      const { replies } = transcriptOf(dataDir, conversations);
      return acked.every((a) => (replies.get(key(a)) ?? []).length > 0);
    };
    await waitFor(answered, 60_000, 'every acknowledged message to be answered');
    const { copies, replies } = transcriptOf(dataDir, conversations);
    expect(acked.map((a) => ({ id: a.id, copies: copies.get(key(a)) }))).toEqual(acked.map((a) => ({ id: a.id, copies: 1 })));
    const answers = acked.map((a) => ({ id: a.id, replies: replies.get(key(a))!.length, distinct: new Set(replies.get(key(a))).size }));
    expect(answers).toEqual(acked.map((a) => ({ id: a.id, replies: expected.get(a.text), distinct: expected.get(a.text) })));

    process.stdout.write(
      `kill one worker under load: ${atKill} acknowledged at the kill (${leftAtKill} of them not answered yet), ${onVictim.length}/${CONVERSATIONS} shoppers on the dead worker, ${acked.length} acknowledged in all, worker ${replacement} replaced worker ${victim}\n`,
    );
  });
});
