/** The contract of `TranscriptAppender`: appending a turn, idempotent on ids, a batch all or nothing. */
import type { ChatActivity } from '../../src/core/conversation';
import { activity, freshStores, type OpenStores } from './contract-stores';

export function transcriptAppenderContract(name: string, open: OpenStores): void {
  describe(`${name} TranscriptAppender contract`, () => {
    const current = freshStores(open);

    it('should insert an activity id once per conversation', async () => {
      const { conversations, transcripts } = current();
      await conversations.create({ id: 'c', channel: 't', customerId: null, locale: null });
      expect((await transcripts.append(activity('c', 'a1'))).inserted).toBe(true);
      const again = await transcripts.append(activity('c', 'a1', { text: 'changed' }));
      expect(again.inserted).toBe(false);
      expect(again.activity.text).toBe('text of a1');
      expect((await transcripts.append(activity('other', 'a1'))).inserted).toBe(true);
    });

    it('should append a batch all or nothing', async () => {
      const { transcripts } = current();
      await transcripts.append(activity('b', 'dup'));
      const results = await transcripts.appendAll([activity('b', 'n1'), activity('b', 'dup'), activity('b', 'n2')]);
      expect(results.map((r) => r.inserted)).toEqual([true, false, true]);
      expect((await transcripts.list('b')).map((a) => a.id)).toEqual(['dup', 'n1', 'n2']);
      const broken = { ...activity('b', 'n4'), from: undefined } as unknown as ChatActivity;
      expect(await transcripts.appendAll([activity('b', 'n3'), broken]).then(() => false, () => true)).toBe(true);
      expect((await transcripts.list('b')).map((a) => a.id)).toEqual(['dup', 'n1', 'n2']);
    });

    it('should keep a batch raw copy only for its owner view', async () => {
      const { transcripts } = current();
      const future = new Date(Date.now() + 86400000).toISOString();
      await transcripts.appendAll([activity('w', 'r1', { text: '[phone]' }), activity('w', 'r2', { text: 'thanks' })], {
        raw: [activity('w', 'r1', { text: '13800001234' }), undefined],
        rawUntil: future,
      });
      expect((await transcripts.list('w')).map((a) => a.text)).toEqual(['[phone]', 'thanks']);
      expect((await transcripts.list('w', { view: 'owner' })).map((a) => a.text)).toEqual(['13800001234', 'thanks']);
    });
  });
}
