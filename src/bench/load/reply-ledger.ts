/**
 * @module bench/load/reply-ledger
 * The record of every message a load run sent, keyed by its client-chosen id: when it was sent,
 * its acknowledgement, and every activity that came back with `replyToId` = that id. Latencies
 * are read from it, and so is the soak's verdict: each acknowledged message answered exactly
 * once (one `turn.end`, at least one reply before it, nothing after it).
 */
import type { ChatActivity } from '../../core/conversation';

export interface LedgerEntry {
  conversation: number;
  /** performance.now() when it was sent (or, in open loop, when it was due). */
  sentAt: number;
  ack?: 'ok' | 'refused' | 'timeout';
  /** The error code of a refused message. */
  refusedCode?: string;
  /** Message activities that replied to it before its `turn.end`. */
  replies: number;
  turnEnds: number;
  /** performance.now() of the first `turn.end`. */
  endAt?: number;
  /** Activities that replied to it after its `turn.end` (a second answer). */
  afterEnd: number;
  /** The client stopped waiting for its `turn.end`. */
  gaveUp: boolean;
}

export interface LedgerVerdict {
  sent: number;
  acknowledged: number;
  refused: number;
  /** Messages without an acknowledgement: timed out, or still awaited when the run ended. */
  ackTimeouts: number;
  /** Acknowledged messages with exactly one `turn.end` and at least one reply before it, none after. */
  answeredOnce: number;
  /** Acknowledged messages whose `turn.end` never came. */
  unanswered: number;
  /** Acknowledged messages with a `turn.end` but no reply message. */
  endedWithoutReply: number;
  /** Messages with more than one `turn.end`. */
  duplicateTurnEnds: number;
  /** Messages with a reply after their `turn.end`. */
  repliesAfterEnd: number;
  /** Replies or `turn.end`s for a message the server refused (`{ok: false}`): it must not have run. */
  answersToRefused: number;
  /** Messages whose acknowledgement did not come in time but whose turn did (stored and run, only slow). */
  ackTimeoutsAnswered: number;
  /** Activities replying to an id this client never sent. */
  strayReplies: number;
  /** How many acknowledged messages got 1, 2, … reply messages. */
  repliesPerMessage: Record<string, number>;
  /** Every acknowledged message answered exactly once, and nothing answered that should not be. */
  ok: boolean;
}

export class ReplyLedger {
  readonly entries = new Map<string, LedgerEntry>();
  /** performance.now() of the latest first `turn.end` (progress, for draining). */
  lastTurnEndAt = 0;
  private stray = 0;

  sent(id: string, conversation: number, at: number): void {
    this.entries.set(id, { conversation, sentAt: at, replies: 0, turnEnds: 0, afterEnd: 0, gaveUp: false });
  }

  acked(id: string, reply: { ok: boolean; id?: string; error?: { code?: string } } | 'timeout'): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (reply === 'timeout') entry.ack = 'timeout';
    else if (reply.ok) entry.ack = 'ok';
    else {
      entry.ack = 'refused';
      entry.refusedCode = reply.error?.code ?? 'unknown';
    }
  }

  /** Records an activity from the server; returns the entry it answers when it is that message's `turn.end`. */
  activity(activity: ChatActivity, at: number): LedgerEntry | undefined {
    if (!activity.replyToId || (activity.type !== 'message' && activity.type !== 'event')) return undefined;
    const entry = this.entries.get(activity.replyToId);
    if (!entry) {
      this.stray++;
      return undefined;
    }
    if (activity.type === 'event') {
      if (activity.name !== 'turn.end') return undefined;
      entry.turnEnds++;
      if (entry.turnEnds > 1) return undefined;
      entry.endAt = at;
      this.lastTurnEndAt = at;
      return entry;
    }
    if (entry.turnEnds > 0) entry.afterEnd++;
    else entry.replies++;
    return undefined;
  }

  gaveUp(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.gaveUp = true;
  }

  /** Counts by acknowledgement and answer; the soak's pass/fail. */
  verdict(): LedgerVerdict {
    const v: LedgerVerdict = {
      sent: this.entries.size,
      acknowledged: 0,
      refused: 0,
      ackTimeouts: 0,
      answeredOnce: 0,
      unanswered: 0,
      endedWithoutReply: 0,
      duplicateTurnEnds: 0,
      repliesAfterEnd: 0,
      answersToRefused: 0,
      ackTimeoutsAnswered: 0,
      strayReplies: this.stray,
      repliesPerMessage: {},
      ok: false,
    };
    for (const e of this.entries.values()) {
      if (e.turnEnds > 1) v.duplicateTurnEnds++;
      if (e.afterEnd > 0) v.repliesAfterEnd++;
      if (e.ack !== 'ok') {
        const answered = e.turnEnds > 0 || e.replies > 0;
        if (e.ack === 'refused') {
          v.refused++;
          if (answered) v.answersToRefused++;
        } else {
          v.ackTimeouts++;
          if (answered) v.ackTimeoutsAnswered++;
        }
        continue;
      }
      v.acknowledged++;
      v.repliesPerMessage[e.replies] = (v.repliesPerMessage[e.replies] ?? 0) + 1;
      if (e.turnEnds === 0) v.unanswered++;
      else if (e.replies === 0) v.endedWithoutReply++;
      else if (e.turnEnds === 1 && e.afterEnd === 0) v.answeredOnce++;
    }
    v.ok =
      v.answeredOnce === v.acknowledged &&
      v.answersToRefused === 0 &&
      v.strayReplies === 0 &&
      v.duplicateTurnEnds === 0 &&
      v.repliesAfterEnd === 0;
    return v;
  }
}
