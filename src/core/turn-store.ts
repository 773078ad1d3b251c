/**
 * @module core/turn-store
 * One read and one write per turn (issue 13). A turn reads its conversation together with the
 * conversation's dialog state (`TurnLoader`), runs, and writes its results — the replies, the
 * dialog state it changed, the language it switched to — in one call, all or nothing
 * (`TurnCommitter`): no reply is stored without the state that goes with it, nor the reverse.
 */
import type { AppendResult, ChatActivity, Conversation } from './conversation';
import type { Locale } from './shop';

/** Dialog-state items by key, as botbuilder's `Storage` reads and writes them (`eTag` included). */
export type DialogStateItems = Record<string, { eTag?: string; [field: string]: unknown }>;

export interface TurnSnapshot {
  conversation: Conversation;
  /** The conversation's own dialog state (key `conversationStateKeys(id, channel)[0]`), empty when none is stored yet. */
  state: DialogStateItems;
}

export interface TurnLoader {
  /** The conversation and its dialog state in one read; null when there is no such conversation. */
  loadTurn(conversationId: string): Promise<TurnSnapshot | null>;
}

export interface TurnCommit {
  conversationId: string;
  /** The turn's replies, in order, stored unless one with the same id is (a retried commit). */
  replies: ChatActivity[];
  /** Dialog-state changes: an `eTag` other than `*` must still be the stored one, else nothing is written (`KEFU_STORAGE_CONFLICT`). */
  state: DialogStateItems;
  /** The language the turn switched the conversation to. */
  locale?: Locale;
}

export interface TurnCommitter {
  /**
   * The turn's results in one write, all or nothing; `raw[i]` is the raw copy of `replies[i]`
   * (kept until `rawUntil`, as `TranscriptAppender.appendAll`).
   * @example await transcripts.commitTurn({ conversationId, replies, state: { [key]: item }, locale: 'zh' })
   */
  commitTurn(turn: TurnCommit, options?: { raw?: (ChatActivity | undefined)[]; rawUntil?: string }): Promise<AppendResult[]>;
}
