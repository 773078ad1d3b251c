/**
 * A turn costs one read and one write of the store (issue 13): the conversation with its dialog
 * state in one `loadTurn`, the replies, dialog state and language in one `commitTurn`. Counted on
 * the real bot and the embedded store, for turns that change the dialog state and the language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildChat, ensureShopData } from '../../src/app';
import type { ChatService } from '../../src/chat/chat-service';
import { loadConfig } from '../../src/config';
import type { ChatActivity } from '../../src/core/conversation';
import type { Stores } from '../../src/core/stores';
import { setPrintLine } from '../../src/log';
import { openEmbeddedStores } from '../../src/storage/embedded';
import { orderWith } from '../helpers/shop-fixture';
import { MODEL_CACHE } from '../helpers/test-server';

const PORTS = ['conversations', 'transcripts', 'state', 'handoffs', 'orders'] as const;

/** The stores with every call counted as `port.method`. */
function counted(inner: Stores): { stores: Stores; calls: string[] } {
  const calls: string[] = [];
  const stores = { ...inner } as unknown as Record<string, unknown>;
  for (const port of PORTS) {
    stores[port] = new Proxy(inner[port] as object, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${port}.${String(prop)}`);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }
  return { stores: stores as unknown as Stores, calls };
}

describe('ChatService turn', () => {
  let dir: string;
  let inner: Stores;
  let calls: string[];
  let chat: ChatService;
  beforeAll(async () => {
    process.env.KEFU_QUIET = 'true';
    setPrintLine(() => undefined);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-one-pass-'));
    inner = openEmbeddedStores(dir);
    const config = loadConfig({ dataDir: dir, modelDir: MODEL_CACHE });
    await ensureShopData(config, inner);
    const wrapped = counted(inner);
    calls = wrapped.calls;
    chat = await buildChat(config, wrapped.stores);
  }, 120000);
  afterAll(async () => {
    await inner.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The conversation, dialog-state and transcript calls of one message (stored, then its turn to `turn.end`), and what it delivered. */
  const turn = async (conversationId: string, clientId: string, text: string): Promise<{ calls: string[]; delivered: ChatActivity[] }> => {
    const conversation = (await inner.conversations.get(conversationId))!;
    const delivered: ChatActivity[] = [];
    const from = calls.length;
    await (await chat.submit(conversation, { kind: 'message', clientId, text, session: `socket-${conversationId}` }, (a) => delivered.push(a))).turn;
    return { calls: calls.slice(from).filter((c) => /^(conversations|state|transcripts)\./.test(c)), delivered };
  };

  it.each([
    ['zh', '帮我查下订单{id}到哪了', 'en', 'how much is shipping'],
    ['en', 'where is my order {id}', 'zh', '运费怎么算'],
  ] as const)('should read once and write once per turn, the dialog state and a language switch included (%s, then %s)', async (lang, phrase, other, otherText) => {
    const order = orderWith(['shipped']);
    const { conversation } = await chat.open({ channel: 'socketio', customerId: null, locale: null });
    await chat.submit(conversation, { kind: 'message', clientId: `${lang}-0`, text: phrase.replace('{id}', order.id), session: `socket-${conversation.id}` }, () => undefined).then((a) => a.turn);

    // A turn inside the order flow: the flow's dialog state and the memory of the turn are read and written.
    const inFlow = await turn(conversation.id, `${lang}-1`, phrase.replace('{id}', order.id));
    expect(inFlow.delivered.filter((a) => a.type === 'message').length).toBeGreaterThan(0);
    expect(inFlow.calls).toEqual(['transcripts.append', 'conversations.loadTurn', 'transcripts.commitTurn']);

    // A question in the other language: the language switch goes out in the same write.
    const switched = await turn(conversation.id, `${lang}-2`, otherText);
    expect(switched.delivered.find((a) => a.type === 'message')?.locale).toBe(other);
    expect(switched.calls).toEqual(['transcripts.append', 'conversations.loadTurn', 'transcripts.commitTurn']);
    expect((await inner.conversations.get(conversation.id))?.locale).toBe(other);
  });
});
