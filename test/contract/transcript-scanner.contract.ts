/** The contract of `TranscriptScanner`: every conversation's activities since a time, page after page (exports). */
import { activity, freshStores, type OpenStores } from './contract-stores';

export function transcriptScannerContract(name: string, open: OpenStores): void {
  describe(`${name} TranscriptScanner contract`, () => {
    const current = freshStores(open);

    it('should scan activities since a time, page after page', async () => {
      const { transcripts } = current();
      await transcripts.append(activity('s1', 'old', { timestamp: '2026-01-01T00:00:00.000Z' }));
      for (let i = 0; i < 5; i++) await transcripts.append(activity(i % 2 ? 's1' : 's2', `n${i}`, { timestamp: '2026-02-01T00:00:00.000Z' }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await transcripts.scan('2026-01-15T00:00:00.000Z', { cursor, limit: 2 });
        seen.push(...page.activities.map((a) => a.id));
        cursor = page.next;
      } while (cursor !== undefined);
      expect(seen).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    });

    it('should scan the staff copy, never the raw one', async () => {
      const { transcripts } = current();
      const future = new Date(Date.now() + 86400000).toISOString();
      await transcripts.append(activity('s', 'a1', { text: '[电话]', timestamp: '2026-02-01T00:00:00.000Z' }), {
        raw: activity('s', 'a1', { text: '13800001234', timestamp: '2026-02-01T00:00:00.000Z' }),
        rawUntil: future,
      });
      const page = await transcripts.scan('2026-01-15T00:00:00.000Z');
      expect(page.activities.map((a) => a.text)).toEqual(['[电话]']);
    });
  });
}
