/** The contract of `ConversationStore`: create, read and update conversations (retention: `retention.contract`). */
import { freshStores, type OpenStores } from './contract-stores';

export function conversationStoreContract(name: string, open: OpenStores): void {
  describe(`${name} ConversationStore contract`, () => {
    const current = freshStores(open);

    it('should create, read and update conversations', async () => {
      const stores = current();
      const c = await stores.conversations.create({ id: 'x', channel: 'socketio', customerId: 'c1', locale: 'zh' });
      expect(c).toMatchObject({ id: 'x', customerId: 'c1', handoff: false, locale: 'zh' });
      expect(await stores.conversations.get('nope')).toBeNull();
      expect(await stores.conversations.update('x', { locale: 'en' })).toMatchObject({ locale: 'en' });
    });
  });
}
