/** The contract of `TranscriptReader`: reading a conversation's history back. */
import { activity, freshStores, type OpenStores } from './contract-stores';

export function transcriptReaderContract(name: string, open: OpenStores): void {
  describe(`${name} TranscriptReader contract`, () => {
    const current = freshStores(open);

    it('should page oldest first with before and limit, at most 100', async () => {
      const { transcripts } = current();
      for (let i = 0; i < 120; i++) await transcripts.append(activity('p', `a${i}`));
      const last = await transcripts.list('p');
      expect(last).toHaveLength(100);
      expect(last[0].id).toBe('a20');
      expect(last[99].id).toBe('a119');
      const page = await transcripts.list('p', { before: 'a20', limit: 5 });
      expect(page.map((a) => a.id)).toEqual(['a15', 'a16', 'a17', 'a18', 'a19']);
      expect(await transcripts.list('p', { before: 'nope' })).toEqual([]);
      expect(await transcripts.list('someone-else')).toEqual([]);
    });

    it('should get one activity of a conversation and no other conversation\'s', async () => {
      const { transcripts } = current();
      await transcripts.append(activity('g', 'a1', { text: '你好' }));
      expect((await transcripts.get('g', 'a1'))?.text).toBe('你好');
      expect(await transcripts.get('g', 'nope')).toBeNull();
      expect(await transcripts.get('other', 'a1')).toBeNull();
    });

    it('should find the replies to an activity', async () => {
      const { transcripts } = current();
      await transcripts.append(activity('r', 'in'));
      await transcripts.append(activity('r', 'out1', { replyToId: 'in', from: { id: 'bot', role: 'bot' } }));
      await transcripts.append(activity('r', 'out2', { replyToId: 'in', from: { id: 'bot', role: 'bot' } }));
      expect((await transcripts.repliesTo('r', 'in')).map((a) => a.id)).toEqual(['out1', 'out2']);
      expect(await transcripts.repliesTo('r', 'out1')).toEqual([]);
    });

    it('should give the raw copy to the owner view only', async () => {
      const { transcripts } = current();
      const future = new Date(Date.now() + 86400000).toISOString();
      await transcripts.append(activity('v', 'a1', { text: '[phone]' }), { raw: activity('v', 'a1', { text: '13800001234' }), rawUntil: future });
      expect((await transcripts.list('v'))[0].text).toBe('[phone]');
      expect((await transcripts.list('v', { view: 'owner' }))[0].text).toBe('13800001234');
    });
  });
}
