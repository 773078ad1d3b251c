/**
 * Issue 14, finding 5 (first half) and issue 13 "connecting never starves": a connection costs
 * no storage. 3,000 connect/disconnects left 3,000 empty conversation rows; now a conversation
 * is stored with its first message (and only then announced to the staff console), a resume of
 * an id never stored starts a new conversation, and `history`/`feedback` before the first
 * message answer "nothing yet". A message whose socket closes right after sending it is still
 * stored and answered (issue 14 finding 8, the server's half).
 */
import type { Conversation } from '../../src/core/conversation';
import { ChatClient, textOf } from '../helpers/chat-client';
import { useChatServer } from '../helpers/use-chat-server';
import { conversationRows, emit, limitsWith, mustOpen } from './limits-clients';

const CONNECTIONS = 300;
const HELLO = { zh: '你好', en: 'hello' };
const SHIPPING = { zh: '运费怎么算', en: 'how much is shipping' };

describe.each(['zh', 'en'] as const)('conversations are stored with their first message (%s)', (lang) => {
  // 300 handshakes in a second from one address are over the connection limit, which is not what this tests.
  const chat = useChatServer({ limits: limitsWith({ connections: { burst: 0, perMinute: 0 } }) });

  it('should leave no conversation rows after 300 connect/disconnects', async () => {
    const rowsBefore = conversationRows(chat.server.dataDir);
    const announced: Conversation[] = [];
    const off = chat.server.chat.events.on('conversation', (c) => announced.push(c));
    for (let i = 0; i < CONNECTIONS; i += 30) {
      const batch = await Promise.all(Array.from({ length: 30 }, () => mustOpen(chat.server.url, { locale: lang })));
      expect(batch.every((c) => c.resumed === false && c.conversationId.length > 0)).toBe(true);
      batch.forEach((c) => c.socket.close());
    }
    off();
    expect(conversationRows(chat.server.dataDir)).toBe(rowsBefore);
    expect(announced).toEqual([]);
  });

  it('should store and announce the conversation with its first message', async () => {
    const rowsBefore = conversationRows(chat.server.dataDir);
    const announced: Conversation[] = [];
    const off = chat.server.chat.events.on('conversation', (c) => announced.push(c));
    const c = await chat.connect({ locale: lang });
    expect(announced).toEqual([]);
    expect(await c.history()).toEqual([]);
    const feedback = await c.emit('feedback', { activityId: 'nothing-here', rating: 'up' });
    expect(feedback).toMatchObject({ ok: false, error: { code: 'KEFU_NOT_FOUND' } });
    expect(conversationRows(chat.server.dataDir)).toBe(rowsBefore);

    const turn = await c.say(HELLO[lang]);
    off();
    expect(textOf(turn).length).toBeGreaterThan(0);
    expect(conversationRows(chat.server.dataDir)).toBe(rowsBefore + 1);
    expect(announced.map((a) => a.id)).toEqual([c.session.conversationId]);

    const back = await chat.connect({ locale: lang, conversationId: c.session.conversationId });
    expect(back.session).toMatchObject({ conversationId: c.session.conversationId, resumed: true });
    expect((await back.history()).some((a) => a.text === HELLO[lang])).toBe(true);
  });

  it('should give a new id to a resume of a conversation that was never stored', async () => {
    const silent = await chat.connect({ locale: lang });
    silent.close();
    const again = await chat.connect({ locale: lang, conversationId: silent.session.conversationId });
    expect(again.session.resumed).toBe(false);
    expect(again.session.conversationId).not.toBe(silent.session.conversationId);
  });

  it('should store and answer a message whose socket closed right after sending it', async () => {
    const c = await mustOpen(chat.server.url, { locale: lang });
    const id = `sent-then-gone-${lang}`;
    c.socket.emit('message', { id, text: SHIPPING[lang] });
    c.socket.disconnect();

    // Its conversation was stored by the message, so it resumes, and the answer is in history.
    let answered = false;
    for (let i = 0; i < 100 && !answered; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const back = await ChatClient.connect(chat.server.url, { locale: lang, conversationId: c.conversationId });
      const history = back.session.resumed ? await back.history() : [];
      back.close();
      answered = history.some((a) => a.id === id) && history.some((a) => a.replyToId === id && a.type === 'message');
    }
    expect(answered).toBe(true);
  });

  it('should answer the first messages of many new conversations at once, each stored once', async () => {
    const rowsBefore = conversationRows(chat.server.dataDir);
    const clients = await Promise.all(Array.from({ length: 10 }, () => mustOpen(chat.server.url, { locale: lang })));
    // Two first messages at once on each: the conversation is created once.
    const acks = await Promise.all(clients.flatMap((c) => [emit(c.socket, 'message', { text: HELLO[lang] }), emit(c.socket, 'message', { text: SHIPPING[lang] })]));
    clients.forEach((c) => c.socket.close());
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(conversationRows(chat.server.dataDir)).toBe(rowsBefore + 10);
  });
});
