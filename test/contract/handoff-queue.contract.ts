/** The contract of `HandoffQueue`: conversations waiting for a human, angry ones first, each queued once. */
import { HANDOFF_PRIORITY } from '../../src/core/conversation';
import { freshStores, type OpenStores } from './contract-stores';

export function handoffQueueContract(name: string, open: OpenStores): void {
  describe(`${name} HandoffQueue contract`, () => {
    const current = freshStores(open);

    it('should queue a handoff with its reason and flag the conversation until released', async () => {
      const stores = current();
      await stores.conversations.create({ id: 'h', channel: 'socketio', customerId: null, locale: null });
      await stores.handoffs.enqueue('h', 'agent.handoff: 转人工');
      expect(await stores.handoffs.list()).toEqual([expect.objectContaining({ conversationId: 'h', reason: 'agent.handoff: 转人工' })]);
      expect((await stores.conversations.get('h'))?.handoff).toBe(true);
      await stores.handoffs.release('h');
      expect(await stores.handoffs.list()).toEqual([]);
      expect((await stores.conversations.get('h'))?.handoff).toBe(false);
    });

    it('should list angry handoffs before calm ones, each kind oldest first', async () => {
      const stores = current();
      for (const id of ['calm1', 'angry1', 'calm2', 'angry2']) await stores.conversations.create({ id, channel: 'socketio', customerId: null, locale: null });
      const wait = () => new Promise((resolve) => setTimeout(resolve, 5)); // distinct queuedAt
      await stores.handoffs.enqueue('calm1', 'agent.handoff');
      await wait();
      await stores.handoffs.enqueue('angry1', 'complaint: 气死了', { priority: HANDOFF_PRIORITY.angry });
      await wait();
      await stores.handoffs.enqueue('calm2', 'agent.handoff: talk to a person', { priority: HANDOFF_PRIORITY.normal });
      await wait();
      await stores.handoffs.enqueue('angry2', 'agent.handoff: THIS IS A SCAM', { priority: HANDOFF_PRIORITY.angry });
      const listed = await stores.handoffs.list();
      expect(listed.map((e) => [e.conversationId, e.priority])).toEqual([['angry1', 1], ['angry2', 1], ['calm1', 0], ['calm2', 0]]);
      expect(listed[0].reason).toBe('complaint: 气死了');
      // Released: the next angry one leads.
      await stores.handoffs.release('angry1');
      expect((await stores.handoffs.list()).map((e) => e.conversationId)).toEqual(['angry2', 'calm1', 'calm2']);
    });

    it('should keep a queued entry once, raising but never lowering its priority', async () => {
      const stores = current();
      await stores.conversations.create({ id: 'q', channel: 'socketio', customerId: null, locale: null });
      await stores.conversations.create({ id: 'r', channel: 'socketio', customerId: null, locale: null });
      await stores.handoffs.enqueue('q', 'agent.handoff: 转人工');
      await stores.handoffs.enqueue('r', 'agent.handoff');
      const [first] = (await stores.handoffs.list()).filter((e) => e.conversationId === 'q');
      await stores.handoffs.enqueue('q', 'complaint: 太差了', { priority: HANDOFF_PRIORITY.angry });
      expect(await stores.handoffs.list()).toEqual([
        { conversationId: 'q', reason: 'agent.handoff: 转人工', queuedAt: first.queuedAt, priority: HANDOFF_PRIORITY.angry },
        expect.objectContaining({ conversationId: 'r', priority: HANDOFF_PRIORITY.normal }),
      ]);
      await stores.handoffs.enqueue('q', 'agent.handoff', { priority: HANDOFF_PRIORITY.normal });
      expect((await stores.handoffs.list())[0]).toMatchObject({ conversationId: 'q', priority: HANDOFF_PRIORITY.angry });
    });
  });
}
