/**
 * The contract of retention: `RawCopyRetention.purgeRaw` forgets raw copies whose time is up, and
 * `ConversationStore.deleteInactiveSince` deletes idle conversations with everything kept for them.
 */
import { activity, freshStores, type OpenStores } from './contract-stores';

export function retentionContract(name: string, open: OpenStores): void {
  describe(`${name} retention contract`, () => {
    const current = freshStores(open);

    it('should keep a raw copy only until its time', async () => {
      const { transcripts } = current();
      const future = new Date(Date.now() + 86400000).toISOString();
      await transcripts.append(activity('v', 'a1', { text: '[phone]' }), { raw: activity('v', 'a1', { text: '13800001234' }), rawUntil: future });
      expect(await transcripts.purgeRaw(new Date().toISOString())).toBe(0);
      expect((await transcripts.list('v', { view: 'owner' }))[0].text).toBe('13800001234');
      expect(await transcripts.purgeRaw(new Date(Date.now() + 2 * 86400000).toISOString())).toBe(1);
      expect((await transcripts.list('v', { view: 'owner' }))[0].text).toBe('[phone]');
    });

    it('should delete idle conversations with everything kept for them', async () => {
      const stores = current();
      await stores.conversations.create({ id: 'idle', channel: 'socketio', customerId: null, locale: null });
      await stores.transcripts.append(activity('idle', 'i1', { timestamp: '2026-01-01T00:00:00.000Z' }));
      await stores.state.write({ 'socketio/conversations/idle/': { n: 1 } });
      const later = new Date(Date.now() + 60000).toISOString();
      expect(await stores.conversations.deleteInactiveSince(later)).toBe(1);
      expect(await stores.conversations.get('idle')).toBeNull();
      expect(await stores.transcripts.list('idle')).toEqual([]);
      expect(await stores.state.read(['socketio/conversations/idle/'])).toEqual({});
    });
  });
}
