/**
 * Durability under load (issue 13): 50 conversations, half in Chinese and half in English, each
 * sending its next message as soon as the previous turn ends; the server is killed with SIGKILL
 * in the middle of it, as soon as 150 messages have been acknowledged (the writes of many turns
 * in flight, sharing group commits). After a restart every acknowledged message is stored, once,
 * and — once the start-up replay has run — has exactly one answer: the replies of one turn, the
 * same number a new conversation gets for the same words.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChatActivity } from '../../src/core/conversation';
import type { AckReply, ChatClient } from '../helpers/chat-client';
import { buildOnce, replaySummary } from './kefu-process';
import { useKefuProcesses } from './use-kefu-processes';

jest.setTimeout(240000);

const CONVERSATIONS = 50;
/** Acknowledged messages before the kill: about three turns per conversation. */
const KILL_AFTER = 150;
const TEXTS = {
  zh: ['你们运费怎么算', '发什么快递', '支持七天无理由退货吗'],
  en: ['how much is shipping', 'which courier do you use', 'can i return an item within 7 days'],
};
/** 50 shoppers on one address: room for them in the per-address limits. */
const ROOMY = { KEFU_LIMIT_NEW_CONVERSATIONS: '500,3000', KEFU_LIMIT_CONNECTIONS: '500,3000', KEFU_QUIET: 'false' };

interface Sent {
  conversationId: string;
  id: string;
  text: string;
}

beforeAll(() => buildOnce(), 180000);

/** Emits a message; resolves with its ack, or null when the socket goes down first. */
function send(client: ChatClient, id: string, text: string): Promise<AckReply | null> {
  return new Promise((resolve) => {
    const down = (): void => resolve(null);
    client.socket.once('disconnect', down);
    client.socket.emit('message', { id, text }, (ack: AckReply) => {
      client.socket.off('disconnect', down);
      resolve(ack);
    });
  });
}

/** Resolves when the turn of `id` has ended, or when the socket goes down. */
function turnEnded(client: ChatClient, id: string): Promise<void> {
  return new Promise((resolve) => {
    const ended = (): boolean => client.received.some((a) => a.type === 'event' && a.name === 'turn.end' && a.replyToId === id);
    if (ended() || !client.socket.connected) return resolve();
    const check = (): void => {
      if (!ended() && client.socket.connected) return;
      client.socket.off('activity', check);
      client.socket.off('disconnect', check);
      resolve();
    };
    client.socket.on('activity', check);
    client.socket.on('disconnect', check);
  });
}

/** The stored copies of a message and its bot replies (read from the file: WAL lets a reader in beside the server). */
function storedTurn(dataDir: string, { conversationId, id }: Sent): { copies: number; replies: string[] } {
  const db = new Database(path.join(dataDir, 'kefu.db'), { readonly: true });
  try {
    const { copies } = db.prepare('SELECT COUNT(*) AS copies FROM activities WHERE conversation_id = ? AND id = ?').get(conversationId, id) as {
      copies: number;
    };
    const replies = db
      .prepare(`SELECT id FROM activities WHERE conversation_id = ? AND reply_to_id = ? AND type = 'message' AND role = 'bot' ORDER BY seq`)
      .pluck()
      .all(conversationId, id) as string[];
    return { copies, replies };
  } finally {
    db.close();
  }
}

describe('kefu serve killed with SIGKILL while 50 conversations are sending (zh and en)', () => {
  const kefu = useKefuProcesses('zh', ROOMY);

  it('should keep every acknowledged message and answer each exactly once after the restart', async () => {
    const first = await kefu.start();
    const langs = Array.from({ length: CONVERSATIONS }, (_, k) => (k % 2 === 0 ? 'zh' : 'en') as 'zh' | 'en');
    const clients = await Promise.all(langs.map((locale) => kefu.connect(first.url, { locale })));

    const acked: Sent[] = [];
    const refused: AckReply[] = [];
    let killed = false;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      first.child.kill('SIGKILL');
    };
    // A safety net: the kill happens even if fewer messages than planned are acknowledged.
    const fallback = setTimeout(kill, 60_000);
    await Promise.all(
      clients.map(async (client, k) => {
        const texts = TEXTS[langs[k]];
        for (let i = 0; !killed; i++) {
          const id = `load-${k}-${i}`;
          const text = texts[i % texts.length];
          const ack = await send(client, id, text);
          if (ack === null) return;
          if (!ack.ok) {
            refused.push(ack);
            return;
          }
          acked.push({ conversationId: client.session.conversationId, id, text });
          // Killed from inside the ack callback: turns of other conversations are mid-flight.
          if (acked.length >= KILL_AFTER) return kill();
          await turnEnded(client, id);
        }
      }),
    );
    clearTimeout(fallback);
    await first.kill();
    expect(refused).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

    // Dead server: every acknowledged message is in the file, once.
    const unanswered = acked.filter((sent) => {
      const { copies, replies } = storedTurn(kefu.dataDir, sent);
      expect({ id: sent.id, copies }).toEqual({ id: sent.id, copies: 1 });
      return replies.length === 0;
    });

    const second = await kefu.start();
    const summary = await replaySummary(second);
    expect(summary).not.toMatch(/failed/);

    // What one turn answers to each text, from a conversation that was never interrupted.
    const expected = new Map<string, number>();
    for (const lang of ['zh', 'en'] as const) {
      const control = await kefu.connect(second.url, { locale: lang });
      for (const text of TEXTS[lang]) expected.set(text, (await control.say(text)).messages.length);
    }
    expect([...expected.values()].every((n) => n > 0)).toBe(true);

    const answers = acked.map((sent) => {
      const { replies } = storedTurn(kefu.dataDir, sent);
      return { id: sent.id, replies: replies.length, distinct: new Set(replies).size };
    });
    expect(answers).toEqual(acked.map((sent) => ({ id: sent.id, replies: expected.get(sent.text), distinct: expected.get(sent.text) })));

    // As a shopper sees it: a conversation whose last message was answered only by the replay has it in history.
    const replayed = unanswered[0];
    if (replayed) {
      const client = await kefu.connect(second.url, { conversationId: replayed.conversationId, locale: langs[Number(replayed.id.split('-')[1])] });
      const history: ChatActivity[] = await client.history();
      expect(history.filter((a) => a.id === replayed.id)).toHaveLength(1);
      expect(history.filter((a) => a.replyToId === replayed.id && a.type === 'message')).toHaveLength(expected.get(replayed.text)!);
    }
    process.stdout.write(`kill under load: ${acked.length} acknowledged, ${unanswered.length} unanswered at the kill; ${summary}\n`);
  });
});
