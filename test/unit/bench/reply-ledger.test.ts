import type { ChatActivity } from '../../../src/core/conversation';
import { ReplyLedger } from '../../../src/bench/load/reply-ledger';

const reply = (replyToId: string): ChatActivity => ({
  type: 'message',
  id: `r-${Math.random()}`,
  timestamp: new Date().toISOString(),
  conversationId: 'c',
  from: { id: 'bot', role: 'bot' },
  replyToId,
  text: 'ok',
});
const turnEnd = (replyToId: string): ChatActivity => ({ ...reply(replyToId), type: 'event', name: 'turn.end', text: undefined });
const typing = (replyToId: string): ChatActivity => ({ ...reply(replyToId), type: 'typing', text: undefined });

function answered(ledger: ReplyLedger, id: string, replies = 1): void {
  ledger.sent(id, 0, 0);
  ledger.acked(id, { ok: true, id });
  for (let i = 0; i < replies; i++) ledger.activity(reply(id), 1);
  ledger.activity(turnEnd(id), 2);
}

describe('ReplyLedger', () => {
  it('should pass when every acknowledged message has replies and one turn.end', () => {
    const ledger = new ReplyLedger();
    answered(ledger, 'a');
    answered(ledger, 'b', 2);
    ledger.activity(typing('a'), 1);
    const v = ledger.verdict();
    expect(v).toMatchObject({ sent: 2, acknowledged: 2, answeredOnce: 2, ok: true });
    expect(v.repliesPerMessage).toEqual({ 1: 1, 2: 1 });
  });

  it('should return the entry on its first turn.end only, with the time it came', () => {
    const ledger = new ReplyLedger();
    ledger.sent('a', 3, 10);
    ledger.acked('a', { ok: true });
    expect(ledger.activity(reply('a'), 11)).toBeUndefined();
    expect(ledger.activity(turnEnd('a'), 25)).toMatchObject({ conversation: 3, sentAt: 10, endAt: 25 });
    expect(ledger.activity(turnEnd('a'), 30)).toBeUndefined();
    expect(ledger.entries.get('a')?.endAt).toBe(25);
  });

  it('should fail an acknowledged message whose turn.end never came', () => {
    const ledger = new ReplyLedger();
    answered(ledger, 'a');
    ledger.sent('b', 0, 0);
    ledger.acked('b', { ok: true });
    ledger.activity(reply('b'), 1);
    expect(ledger.verdict()).toMatchObject({ unanswered: 1, answeredOnce: 1, ok: false });
  });

  it('should fail a turn that ended without a reply message', () => {
    const ledger = new ReplyLedger();
    ledger.sent('a', 0, 0);
    ledger.acked('a', { ok: true });
    ledger.activity(typing('a'), 1);
    ledger.activity(turnEnd('a'), 2);
    expect(ledger.verdict()).toMatchObject({ endedWithoutReply: 1, ok: false });
  });

  it('should fail a second turn.end and a reply after the turn.end', () => {
    const twice = new ReplyLedger();
    answered(twice, 'a');
    twice.activity(turnEnd('a'), 3);
    expect(twice.verdict()).toMatchObject({ duplicateTurnEnds: 1, answeredOnce: 0, ok: false });

    const late = new ReplyLedger();
    answered(late, 'a');
    late.activity(reply('a'), 3);
    expect(late.verdict()).toMatchObject({ repliesAfterEnd: 1, answeredOnce: 0, ok: false });
  });

  it('should fail when a refused message is answered, and count refusals by code', () => {
    const ledger = new ReplyLedger();
    ledger.sent('a', 0, 0);
    ledger.acked('a', { ok: false, error: { code: 'KEFU_RATE_LIMIT' } });
    expect(ledger.verdict()).toMatchObject({ refused: 1, acknowledged: 0, ok: true });
    expect(ledger.entries.get('a')?.refusedCode).toBe('KEFU_RATE_LIMIT');
    ledger.activity(turnEnd('a'), 1);
    expect(ledger.verdict()).toMatchObject({ answersToRefused: 1, ok: false });
  });

  it('should count a late acknowledgement whose turn ran without failing the run', () => {
    const ledger = new ReplyLedger();
    ledger.sent('a', 0, 0);
    ledger.acked('a', 'timeout');
    ledger.activity(reply('a'), 1);
    ledger.activity(turnEnd('a'), 2);
    expect(ledger.verdict()).toMatchObject({ ackTimeouts: 1, ackTimeoutsAnswered: 1, ok: true });
  });

  it('should fail on a reply to an id it never sent', () => {
    const ledger = new ReplyLedger();
    answered(ledger, 'a');
    ledger.activity(reply('someone-else'), 1);
    expect(ledger.verdict()).toMatchObject({ strayReplies: 1, ok: false });
  });
});
