/**
 * Personal data in everything staff see, against the real server: a shopper gives phone numbers
 * in shapes the recogniser normalises to bare digits (North American, international); the turns,
 * the live `/staff` socket and both export formats show the mask, never the digits. A handoff
 * reason quotes the shopper's first 200 characters: one cut in the middle of a phone number or an
 * e-mail address no longer looks like one to the redaction, and must not reach staff either.
 */
import type { ChatActivity } from '../../src/core/conversation';
import type { Turn } from '../../src/staff/conversation-turns';
import { ChatClient } from '../helpers/chat-client';
import { StaffSocket, waitFor } from '../staff/staff-fixture';
import { useConsole } from './use-console';

const CASES = [
  { locale: 'en', text: 'please call me at (555) 123-4567 or +44 20 7946 0958', digits: ['5551234567', '442079460958', '1234567', '79460958'] },
  { locale: 'zh', text: '请打我的电话 +852 9123 4567 或者 (555) 987-6543', digits: ['85291234567', '91234567', '5559876543', '9876543'] },
] as const;

/** Where the raw number would show: in any of these texts. */
function leaks(text: string, digits: readonly string[]): string[] {
  return digits.filter((d) => text.includes(d));
}

describe('staff copy of personal data', () => {
  const t = useConsole('admin');

  it.each(CASES)('should mask phone entity values in turns, on /staff and in exports ($locale)', async (c) => {
    const watch = await StaffSocket.connect(t.server.url, t.console.cookie);
    const shopper = await ChatClient.connect(t.server.url, { locale: c.locale });
    try {
      const id = shopper.session.conversationId;
      const turn = await shopper.say(c.text);
      expect(turn.ack.ok).toBe(true);
      // The shopper's own copy may carry what they typed; staff copies may not.
      const reply = turn.messages.find((m) => Array.isArray(m.channelData?.entities));
      expect(reply).toBeDefined();

      const relayed = await waitFor(() => watch.activities.filter((a) => a.conversationId === id && a.from.role === 'bot').length > 0 && watch.activities.filter((a) => a.conversationId === id), 5000, 'the reply on /staff');
      expect(leaks(JSON.stringify(relayed), c.digits)).toEqual([]);

      const turns = await t.console.get<{ turns: Turn[] }>(`/api/staff/conversations/${encodeURIComponent(id)}/turns`);
      expect(turns.status).toBe(200);
      expect(leaks(JSON.stringify(turns.body), c.digits)).toEqual([]);
      const phones = (turns.body.turns[0].entities ?? []).filter((e) => e.type === 'phone');
      expect(phones.length).toBe(2);
      expect(phones.map((e) => e.value)).toEqual(c.locale === 'zh' ? ['[电话]', '[电话]'] : ['[phone]', '[phone]']);

      for (const format of ['jsonl', 'csv']) {
        const exported = await t.console.download(`/api/staff/export?format=${format}&text=${encodeURIComponent(c.text.slice(0, 6))}`);
        expect(exported.status).toBe(200);
        expect(exported.text).toContain(id);
        expect([format, leaks(exported.text, c.digits)]).toEqual([format, []]);
      }
      const jsonl = (await t.console.download(`/api/staff/export?format=jsonl&text=${encodeURIComponent(c.text.slice(0, 6))}`)).text;
      const bot = jsonl.trim().split('\n').map((l) => JSON.parse(l) as ChatActivity).find((a) => a.conversationId === id && a.from.role === 'bot');
      expect((bot?.channelData?.entities as { type: string; value: unknown }[]).filter((e) => e.type === 'phone').map((e) => e.value)).toEqual(c.locale === 'zh' ? ['[电话]', '[电话]'] : ['[phone]', '[phone]']);
    } finally {
      shopper.close();
      watch.close();
    }
  });

  /** The shopper's words with `tail` starting so that the 200-character cut keeps `keep` of it. */
  const cutAt = (head: string, filler: string, tail: string, keep: number): string => head + filler.repeat(200 - keep - head.length) + tail;

  it.each([
    ['zh', cutAt('转人工，我要投诉你们的快递太慢了，', '慢', '13812345678', 10), ['1381234567', '138123']],
    ['en', cutAt('I want to talk to a human agent about a complaint, it is really slow ', 'x', 'li.na@example.com', 11), ['li.na@exam', 'li.na@']],
  ] as const)('should not show the cut-off start of a phone number or e-mail (%s)', async (locale, text, fragments) => {
    const watch = await StaffSocket.connect(t.server.url, t.console.cookie);
    const shopper = await ChatClient.connect(t.server.url, { locale });
    try {
      const id = shopper.session.conversationId;
      const turn = await shopper.say(text);
      expect(turn.messages.some((m) => m.channelData?.handoff === true)).toBe(true);
      const live = await t.console.get<{ queue: { conversation: { id: string }; reason: string }[] }>('/api/staff/live');
      const queued = live.body.queue.find((q) => q.conversation.id === id);
      expect(queued?.reason).toMatch(/^(agent\.handoff|complaint): /);
      const detail = await t.console.get<{ handoff: { reason: string } | null }>(`/api/staff/conversations/${encodeURIComponent(id)}`);
      const event = await waitFor(() => watch.conversations.find((u) => u.conversation.id === id && u.handoff), 5000, 'the handoff on /staff');
      for (const [where, reason] of [['live', queued?.reason], ['detail', detail.body.handoff?.reason], ['socket', (event.handoff as { reason: string }).reason]]) {
        expect([where, fragments.filter((f) => (reason ?? '').includes(f))]).toEqual([where, []]);
      }
    } finally {
      shopper.close();
      watch.close();
    }
  });
});
