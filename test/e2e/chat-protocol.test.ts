/**
 * The socket.io protocol of /chat against the real server: sessions, acks, idempotency,
 * validation, history, feedback, sign-in, rate limits.
 */
import { ChatClient, intentOf } from '../helpers/chat-client';
import { signCustomerToken } from '../../src/auth/customer-token';
import { startTestServer as start, TEST_SECRET } from '../helpers/test-server';
import { useChatServer } from '../helpers/use-chat-server';

describe('chat protocol (/chat)', () => {
  const chat = useChatServer();
  const connect = chat.connect;

  it('should open a session and answer with typing, a reply and turn.end', async () => {
    const c = await connect();
    expect(c.session.conversationId).toMatch(/[0-9a-f-]{36}/);
    expect(c.session.resumed).toBe(false);
    const turn = await c.say('你好', 'msg-hello-1');
    expect(turn.ack).toEqual({ ok: true, id: 'msg-hello-1' });
    expect(turn.activities[0].type).toBe('typing');
    expect(turn.activities.at(-1)).toMatchObject({ type: 'event', name: 'turn.end', replyToId: 'msg-hello-1' });
    expect(turn.messages.length).toBeGreaterThan(0);
    for (const m of turn.messages) {
      expect(m.replyToId).toBe('msg-hello-1');
      expect(m.from.role).toBe('bot');
      expect(m.locale).toBe('zh');
      expect(m.channelData?.intent).toMatchObject({ name: 'smalltalk.greeting' });
      expect(typeof (m.channelData?.intent as { score: number }).score).toBe('number');
      expect(m.channelData?.handoff).toBe(false);
    }
  });

  it('should reply in the language of the message, or the handshake locale when given', async () => {
    const c = await connect();
    expect((await c.say('hello there')).messages[0].locale).toBe('en');
    expect((await c.say('你好呀')).messages[0].locale).toBe('zh');
    const en = await connect({ locale: 'en' });
    expect((await en.say('你好')).messages[0].locale).toBe('en');
  });

  it('should process a duplicate message id once', async () => {
    const c = await connect();
    const first = await c.say('hi', 'dup-1');
    const again = await c.emit('message', { id: 'dup-1', text: 'hi' });
    expect(again).toEqual({ ok: true, id: 'dup-1' });
    await new Promise((r) => setTimeout(r, 300));
    const history = await c.history();
    expect(history.filter((a) => a.id === 'dup-1')).toHaveLength(1);
    expect(history.filter((a) => a.replyToId === 'dup-1')).toHaveLength(first.messages.length);
    expect(c.received.filter((a) => a.name === 'turn.end' && a.replyToId === 'dup-1')).toHaveLength(1);
  });

  it('should refuse a 2,001-character message with KEFU_BAD_REQUEST and store nothing', async () => {
    const c = await connect();
    const ack = await c.emit('message', { id: 'too-long', text: 'a'.repeat(2001) });
    expect(ack).toMatchObject({ ok: false, error: { code: 'KEFU_BAD_REQUEST' } });
    const ok = await c.emit('message', { id: 'just-right', text: 'b'.repeat(2000) });
    expect(ok).toMatchObject({ ok: true });
    const history = await c.history();
    expect(history.find((a) => a.id === 'too-long')).toBeUndefined();
    expect(history.find((a) => a.id === 'just-right')).toBeDefined();
  });

  it('should refuse malformed payloads and injection attempts without storing them', async () => {
    const c = await connect();
    const bad: unknown[] = [
      { text: { $gt: '' } },
      { text: ['a'] },
      { id: { $ne: null }, text: 'hi' },
      { id: '../../etc', text: 'hi' },
      'just a string',
      null,
      { text: '   ' },
      JSON.parse('{"__proto__": {"polluted": true}, "text": 5}'),
    ];
    for (const payload of bad) {
      const ack = await c.emit('message', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'KEFU_BAD_REQUEST' } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await c.history()).toHaveLength(0);
  });

  it('should keep HTML in text as text', async () => {
    const c = await connect();
    const turn = await c.say('<img src=x onerror=alert(1)>', 'xss-1');
    expect(turn.ack.ok).toBe(true);
    const stored = (await c.history()).find((a) => a.id === 'xss-1');
    expect(stored?.text).toBe('<img src=x onerror=alert(1)>');
  });

  it('should return history oldest first, paged with before and limit', async () => {
    const c = await connect();
    await c.say('hello', 'h-1');
    await c.say('thanks', 'h-2');
    const all = await c.history();
    expect(all[0].id).toBe('h-1');
    const ids = all.map((a) => a.id);
    expect(ids.indexOf('h-2')).toBeGreaterThan(ids.indexOf('h-1'));
    const page = await c.history({ before: 'h-2', limit: 2 });
    expect(page.length).toBeLessThanOrEqual(2);
    expect(page.every((a) => ids.indexOf(a.id) < ids.indexOf('h-2'))).toBe(true);
    expect(page.at(-1)?.id).toBe(ids[ids.indexOf('h-2') - 1]);
  });

  it('should resume a conversation by id, and not resume someone else\'s', async () => {
    const anon = await connect();
    await anon.say('hello', 'r-1');
    anon.close();
    const back = await connect({ conversationId: anon.session.conversationId });
    expect(back.session).toMatchObject({ conversationId: anon.session.conversationId, resumed: true });
    expect((await back.history()).some((a) => a.id === 'r-1')).toBe(true);

    const signedIn = await connect({ customerToken: signCustomerToken('C001', TEST_SECRET) });
    await signedIn.say('hi', 'r-2');
    const intruder = await connect({ conversationId: signedIn.session.conversationId });
    expect(intruder.session.resumed).toBe(false);
    expect(intruder.session.conversationId).not.toBe(signedIn.session.conversationId);
    expect(await intruder.history()).toHaveLength(0);
    const other = await connect({ conversationId: signedIn.session.conversationId, customerToken: signCustomerToken('C002', TEST_SECRET) });
    expect(other.session.resumed).toBe(false);
  });

  it('should refuse a bad or expired customer token with KEFU_AUTH', async () => {
    const forged = signCustomerToken('C001', 'not-the-secret');
    await expect(connect({ customerToken: forged })).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
    const expired = signCustomerToken('C001', TEST_SECRET, 60, Date.now() - 3600_000);
    await expect(connect({ customerToken: expired })).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
    const [h, p] = signCustomerToken('C001', TEST_SECRET).split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${p}.`;
    await expect(connect({ customerToken: none })).rejects.toMatchObject({ data: { code: 'KEFU_AUTH' } });
    expect(h).toBeTruthy();
  });

  it('should refuse every token when the shop has no secret', async () => {
    const noSecret = await start({ shopSecret: undefined });
    try {
      await expect(ChatClient.connect(noSecret.url, { customerToken: signCustomerToken('C001', TEST_SECRET) })).rejects.toMatchObject({
        data: { code: 'KEFU_AUTH' },
      });
    } finally {
      await noSecret.close();
    }
  });

  it('should record feedback on a bot reply and refuse it on anything else', async () => {
    const c = await connect();
    const turn = await c.say('hello', 'fb-1');
    const botReply = turn.messages[0];
    expect(await c.emit('feedback', { activityId: botReply.id, rating: 'up' })).toEqual({ ok: true });
    expect(await c.emit('feedback', { activityId: 'fb-1', rating: 'down' })).toMatchObject({ ok: false, error: { code: 'KEFU_NOT_FOUND' } });
    expect(await c.emit('feedback', { activityId: botReply.id, rating: 'meh' })).toMatchObject({ ok: false, error: { code: 'KEFU_BAD_REQUEST' } });
    const other = await connect();
    expect(await other.emit('feedback', { activityId: botReply.id, rating: 'down' })).toMatchObject({ ok: false, error: { code: 'KEFU_NOT_FOUND' } });
  });

  it('should rate-limit a flood with KEFU_RATE_LIMIT and keep what was accepted', async () => {
    const c = await connect();
    const acks = await Promise.all(Array.from({ length: 25 }, (_, i) => c.emit('message', { id: `flood-${i}`, text: `hello ${i}` })));
    const refused = acks.filter((a) => !a.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'KEFU_RATE_LIMIT' } });
    expect(c.errors.some((e) => e.code === 'KEFU_RATE_LIMIT')).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    const history = await c.history({ limit: 100 });
    const accepted = acks.filter((a) => a.ok).map((a) => (a as { id: string }).id);
    for (const id of accepted) expect(history.some((a) => a.id === id)).toBe(true);
  });

  it('should run the turns of one conversation in arrival order', async () => {
    const c = await connect();
    const ids = ['o-1', 'o-2', 'o-3', 'o-4', 'o-5'];
    await Promise.all(ids.map((id, i) => c.emit('message', { id, text: i % 2 ? 'thanks' : 'hello' })));
    await new Promise((r) => setTimeout(r, 2500));
    const ends = c.received.filter((a) => a.name === 'turn.end').map((a) => a.replyToId);
    expect(ends).toEqual(ids);
    const intents = ids.map((id) => c.received.find((a) => a.type === 'message' && a.replyToId === id));
    expect(intents.every(Boolean)).toBe(true);
    expect(intentOf({ ack: { ok: true, id: 'o-2' }, activities: [], messages: [intents[1]!] })).toBe('smalltalk.thanks');
  });
});
