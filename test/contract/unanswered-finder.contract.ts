/**
 * The contract of `UnansweredFinder` (replay after a crash): shopper messages whose turn never
 * completed, in conversations staff do not hold; the raw copy while one is kept; and the same
 * through the guard and the privacy layer, which flags a copy whose words were redacted.
 */
import type { ChatActivity } from '../../src/core/conversation';
import { withPrivacy } from '../../src/storage/open-stores';
import { activity, freshStores, type OpenStores } from './contract-stores';

export function unansweredFinderContract(name: string, open: OpenStores): void {
  describe(`${name} UnansweredFinder contract`, () => {
    const current = freshStores(open);
    const at = (second: number): string => new Date(Date.UTC(2026, 1, 1, 0, 0, second)).toISOString();
    const bot = (conversationId: string, id: string, replyToId: string, second: number): ChatActivity =>
      activity(conversationId, id, { replyToId, timestamp: at(second), from: { id: 'bot', role: 'bot' } });
    const conversation = (id: string) => current().conversations.create({ id, channel: 'socketio', customerId: null, locale: 'zh' });

    it('should find shopper messages since a time that have no reply, oldest first, outside staff-held conversations', async () => {
      const stores = current();
      for (const id of ['q', 'q2', 'held', 'moved']) await conversation(id);
      await stores.conversations.update('held', { handoff: true });
      await stores.transcripts.append(activity('q', 'old', { timestamp: '2026-01-01T00:00:00.000Z' }));
      await stores.transcripts.append(activity('q', 'answered', { timestamp: at(1) }));
      await stores.transcripts.append(bot('q', 'answered-reply', 'answered', 1));
      await stores.transcripts.append(activity('q', 'open1', { timestamp: at(2) }));
      await stores.transcripts.append(activity('q2', 'tap', { timestamp: at(3), text: undefined, value: 'order:status' }));
      await stores.transcripts.append(activity('q', 'open2', { timestamp: at(4) }));
      await stores.transcripts.append(activity('held', 'held1', { timestamp: at(5) }));
      // The shopper moved on: a later message was answered, so the earlier one is not run after it.
      await stores.transcripts.append(activity('moved', 'early', { timestamp: at(6) }));
      await stores.transcripts.append(activity('moved', 'late', { timestamp: at(7) }));
      await stores.transcripts.append(bot('moved', 'late-reply', 'late', 7));
      // An agent's message (no reply-to) also answers what came before it.
      await stores.transcripts.append(activity('moved', 'to-agent', { timestamp: at(8) }));
      await stores.transcripts.append(activity('moved', 'agent-says', { timestamp: at(8), from: { id: 's1', role: 'agent' } }));
      await stores.transcripts.append(activity('gone', 'orphan', { timestamp: at(9) }));

      const found = await stores.transcripts.unanswered('2026-01-15T00:00:00.000Z', 10);
      expect(found.map((f) => [f.activity.conversationId, f.activity.id])).toEqual([['q', 'open1'], ['q2', 'tap'], ['q', 'open2']]);
      expect(found[1].activity).toMatchObject({ value: 'order:status', from: { role: 'user' } });
      expect((await stores.transcripts.unanswered('2026-01-15T00:00:00.000Z', 2)).map((f) => f.activity.id)).toEqual(['open1', 'tap']);
      expect(await stores.transcripts.unanswered(at(5), 10)).toEqual([]);
      await stores.transcripts.append(bot('q', 'open1-reply', 'open1', 10));
      expect((await stores.transcripts.unanswered(at(0), 10)).map((f) => f.activity.id)).toEqual(['tap', 'open2']);
    });

    it('should give the raw copy while one is kept', async () => {
      const stores = current();
      await conversation('v');
      const future = new Date(Date.now() + 86400000).toISOString();
      await stores.transcripts.append(activity('v', 'a1', { text: '[phone]', timestamp: at(1) }), { raw: activity('v', 'a1', { text: '13800001234', timestamp: at(1) }), rawUntil: future });
      const [found] = await stores.transcripts.unanswered(at(0), 10);
      expect(found.activity.text).toBe('13800001234');
    });

    it('should pass through the guard and the privacy layer, which flags a copy whose words were redacted', async () => {
      const stores = current();
      await conversation('p');
      const redactedOnly = withPrivacy(stores, { rawRetentionDays: 0, retentionDays: 0 }).transcripts;
      const keepingRaw = withPrivacy(stores, { rawRetentionDays: 1, retentionDays: 0 }).transcripts;
      await redactedOnly.append(activity('p', 'digits', { text: '1234', timestamp: at(1) }));
      await redactedOnly.append(activity('p', 'plain', { text: '你们运费怎么算', timestamp: at(2) }));
      await keepingRaw.append(activity('p', 'phone', { text: 'call me on 138 0000 1234', timestamp: at(3) }));
      await redactedOnly.append(activity('p', 'tapped', { text: undefined, value: 'verify', channelData: { postbackData: { email: 'amy@example.com' } }, timestamp: at(4) }));
      const found = await redactedOnly.unanswered(at(0), 10);
      expect(found.map((f) => [f.activity.id, f.activity.text ?? f.activity.value, f.redacted])).toEqual([
        ['digits', '[****]', true],
        ['plain', '你们运费怎么算', false],
        ['phone', 'call me on 138 0000 1234', false],
        ['tapped', 'verify', true],
      ]);
    });
  });
}
