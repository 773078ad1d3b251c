/**
 * The contract of a turn's one read and one write (`TurnLoader.loadTurn` on the conversations,
 * `TurnCommitter.commitTurn` on the transcripts): the conversation comes with its own dialog
 * state, and a turn's replies, dialog state and language are written together or not at all.
 */
import { conversationStateKeys } from '../../src/core/conversation-state-keys';
import type { Locale } from '../../src/core/shop';
import type { Stores } from '../../src/core/stores';
import { AppError, ErrorCodes } from '../../src/errors';
import { activity, freshStores, type OpenStores } from './contract-stores';

const reply = (conversationId: string, id: string, text: string) => activity(conversationId, id, { from: { id: 'kefu-bot', role: 'bot' }, replyToId: 'm1', text });

const WORDS: Record<Locale, { first: string; second: string }> = {
  zh: { first: '您好，请问订单号是多少？', second: '好的，已为您查到订单。' },
  en: { first: 'Hi, what is the order number?', second: 'Found it: here is your order.' },
};

async function conversationWithState(stores: Stores, id: string, state: Record<string, unknown>): Promise<string> {
  await stores.conversations.create({ id, channel: 'socketio', customerId: null, locale: null });
  const [key] = conversationStateKeys(id, 'socketio');
  await stores.state.write({ [key]: state });
  return key;
}

export function turnStoreContract(name: string, open: OpenStores): void {
  describe(`${name} TurnLoader and TurnCommitter contract`, () => {
    const current = freshStores(open);

    it('should load a conversation with its own dialog state only, and none for a conversation without one', async () => {
      const stores = current();
      const key = await conversationWithState(stores, 'c1', { dialogState: { step: 'verify' } });
      await conversationWithState(stores, 'c2', { dialogState: { step: 'other' } });
      await stores.conversations.create({ id: 'c3', channel: 'webhook', customerId: 'cust-1', locale: 'en' });

      const loaded = await stores.conversations.loadTurn('c1');
      expect(loaded?.conversation).toMatchObject({ id: 'c1', channel: 'socketio', customerId: null, locale: null, handoff: false });
      expect(Object.keys(loaded!.state)).toEqual([key]);
      expect(loaded!.state[key]).toMatchObject({ dialogState: { step: 'verify' }, eTag: expect.any(String) });
      expect(await stores.conversations.loadTurn('c3')).toMatchObject({ conversation: { id: 'c3', channel: 'webhook', customerId: 'cust-1', locale: 'en' }, state: {} });
      expect(await stores.conversations.loadTurn('missing')).toBeNull();
    });

    it.each(['zh', 'en'] as const)('should write a turn\'s replies, dialog state and language together (%s)', async (locale) => {
      const stores = current();
      const key = await conversationWithState(stores, 'c1', { seen: 1 });
      const before = (await stores.conversations.loadTurn('c1'))!;
      const replies = [reply('c1', 'r1', WORDS[locale].first), reply('c1', 'r2', WORDS[locale].second)];
      const results = await stores.transcripts.commitTurn({ conversationId: 'c1', replies, state: { [key]: { ...before.state[key], seen: 2 } }, locale });

      expect(results.map((r) => r.inserted)).toEqual([true, true]);
      const after = (await stores.conversations.loadTurn('c1'))!;
      expect(after.conversation.locale).toBe(locale);
      expect(after.state[key]).toMatchObject({ seen: 2 });
      expect(after.state[key].eTag).not.toBe(before.state[key].eTag);
      expect((await stores.transcripts.repliesTo('c1', 'm1')).map((a) => a.text)).toEqual([WORDS[locale].first, WORDS[locale].second]);
    });

    it.each(['zh', 'en'] as const)('should write nothing of a turn whose dialog state changed since it was read (%s)', async (locale) => {
      const stores = current();
      const key = await conversationWithState(stores, 'c1', { seen: 1 });
      const read = (await stores.conversations.loadTurn('c1'))!;
      await stores.state.write({ [key]: { seen: 5, eTag: '*' } }); // another turn got there first

      const err = await stores.transcripts
        .commitTurn({ conversationId: 'c1', replies: [reply('c1', 'r1', WORDS[locale].first)], state: { [key]: { ...read.state[key], seen: 2 } }, locale })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(ErrorCodes.storageConflict);
      const after = (await stores.conversations.loadTurn('c1'))!;
      expect(after.state[key]).toMatchObject({ seen: 5 });
      expect(after.conversation.locale).toBeNull();
      expect(await stores.transcripts.repliesTo('c1', 'm1')).toEqual([]);
    });

    it('should let exactly one of two turns committed at once on the same state read win', async () => {
      const stores = current();
      const key = await conversationWithState(stores, 'c1', { seen: 0 });
      const read = (await stores.conversations.loadTurn('c1'))!;
      const commit = (id: string, text: string) =>
        stores.transcripts.commitTurn({ conversationId: 'c1', replies: [reply('c1', id, text)], state: { [key]: { ...read.state[key], by: id } } });
      const outcomes = await Promise.allSettled([commit('a', WORDS.zh.first), commit('b', WORDS.en.first)]);

      const won = outcomes.map((o) => o.status);
      expect([...won].sort()).toEqual(['fulfilled', 'rejected']);
      const winner = won[0] === 'fulfilled' ? 'a' : 'b';
      expect((await stores.conversations.loadTurn('c1'))!.state[key]).toMatchObject({ by: winner });
      expect((await stores.transcripts.repliesTo('c1', 'm1')).map((a) => a.id)).toEqual([winner]);
    });

    it('should store a retried commit\'s replies once, and write a first state without an eTag', async () => {
      const stores = current();
      await stores.conversations.create({ id: 'c1', channel: 'socketio', customerId: null, locale: 'zh' });
      const [key] = conversationStateKeys('c1', 'socketio');
      const replies = [reply('c1', 'r1', WORDS.zh.first), reply('c1', 'r2', WORDS.en.first)];
      await stores.transcripts.commitTurn({ conversationId: 'c1', replies, state: { [key]: { seen: 1 } } });
      const again = await stores.transcripts.commitTurn({ conversationId: 'c1', replies, state: {} });

      expect(again.map((r) => r.inserted)).toEqual([false, false]);
      expect((await stores.transcripts.list('c1')).map((a) => a.id)).toEqual(['r1', 'r2']);
      expect((await stores.conversations.loadTurn('c1'))!.state[key]).toMatchObject({ seen: 1 });
    });
  });
}
