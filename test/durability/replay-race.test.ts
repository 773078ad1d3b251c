/**
 * Durability: the start-up replay of an unanswered message racing the client's resend of the same
 * id runs its turn once, whichever comes first, and the shopper gets its replies once. Both are
 * started in the same tick on the real chat service, bot and store, so their steps interleave.
 * The unanswered message is stored as `submit` stores it before a crash would cut its turn short.
 */
import type { ChatActivity, Conversation } from '../../src/core/conversation';
import { useChatServer } from '../helpers/use-chat-server';

const ASIDE = { zh: '你们运费怎么算', en: 'how much is shipping' };

describe.each(['zh', 'en'] as const)('ChatService.replayUnanswered racing a resend (%s)', (lang) => {
  const chat = useChatServer();
  const service = () => chat.server.chat;

  const open = async (): Promise<Conversation> => (await service().open({ channel: 'socketio', customerId: null, locale: lang })).conversation;
  /** A shopper's message stored, as acknowledged, with no turn run for it (and its new conversation before it, as `submit` does). */
  const storeUnanswered = async (conversation: Conversation, id: string): Promise<void> => {
    await chat.server.stores.conversations.create(conversation);
    const activity: ChatActivity = {
      type: 'message',
      id,
      timestamp: new Date().toISOString(),
      conversationId: conversation.id,
      from: { id: `shopper:${conversation.id}`, role: 'user' },
      locale: lang,
      text: ASIDE[lang],
    };
    expect((await chat.server.stores.transcripts.append(activity)).inserted).toBe(true);
  };
  const since = (): string => new Date(Date.now() - 60_000).toISOString();
  const send = async (conversation: Conversation, id: string, deliver: (a: ChatActivity) => void) => {
    const submitted = await service().submit(conversation, { kind: 'message', clientId: id, text: ASIDE[lang] }, deliver, lang);
    await submitted.turn;
    return submitted;
  };

  it.each(['replay first', 'resend first'] as const)('should run the turn once (%s)', async (order) => {
    const control: ChatActivity[] = [];
    await send(await open(), 'control', (a) => control.push(a));
    const controlMessages = control.filter((a) => a.type === 'message');
    expect(controlMessages.length).toBeGreaterThan(0);

    const conversation = await open();
    const id = `race-${lang}-${order.replace(' ', '-')}`;
    await storeUnanswered(conversation, id);
    const delivered: ChatActivity[] = [];
    const replay = () => service().replayUnanswered({ since: since(), deliver: (_c, a) => delivered.push(a) });
    const resend = () => send(conversation, id, (a) => delivered.push(a));
    // Started in the same tick, in the order named.
    const [summary, submitted] =
      order === 'replay first'
        ? await Promise.all([replay(), resend()])
        : await Promise.all([resend(), replay()]).then(([r, s]) => [s, r] as const);
    expect(submitted.duplicate).toBe(true);
    expect(summary.found).toBe(1);
    expect(summary.replayed + summary.skipped).toBe(1);
    await service().drain();

    const messages = delivered.filter((a) => a.replyToId === id && a.type === 'message');
    expect(messages).toHaveLength(controlMessages.length);
    expect(delivered.filter((a) => a.name === 'turn.end')).toHaveLength(1);
    const stored = await chat.server.stores.transcripts.repliesTo(conversation.id, id);
    expect(stored.map((a) => a.id)).toEqual(messages.map((a) => a.id));
    expect(stored.map((a) => (a.channelData?.intent as { name: string }).name)).toEqual(controlMessages.map((a) => (a.channelData?.intent as { name: string }).name));
    expect(stored.every((a) => a.locale === lang)).toBe(true);
  });

  it('should leave a conversation staff hold to them', async () => {
    const conversation = await open();
    await storeUnanswered(conversation, `held-${lang}`);
    await chat.server.stores.conversations.update(conversation.id, { handoff: true });
    const delivered: ChatActivity[] = [];
    expect(await service().replayUnanswered({ since: since(), deliver: (_c, a) => delivered.push(a) })).toEqual({ found: 0, replayed: 0, askedAgain: 0, skipped: 0 });
    expect(delivered).toEqual([]);
    expect(await chat.server.stores.transcripts.repliesTo(conversation.id, `held-${lang}`)).toEqual([]);
  });
});
