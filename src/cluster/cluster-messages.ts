/**
 * @module cluster/cluster-messages
 * What kefu's primary and workers tell each other over the cluster's IPC channel (beside the
 * messages of `@socket.io/sticky` and `@socket.io/cluster-adapter`, told apart by `kefu`).
 */

/** The primary's signal to its first worker that it replays unanswered messages (`all`); not a setting. */
export const REPLAY_ENV = 'KEFU_WORKER_REPLAY';

/** Worker → primary. */
export type ToPrimary =
  /** The worker's server is built and takes connections. */
  | { kefu: 'ready' }
  /** Asks for a conversation's turn (`TurnOrder.acquire`). */
  | { kefu: 'lock'; id: number; key: string }
  /** Ends the turn `id` asked for. */
  | { kefu: 'unlock'; id: number };

/** Primary → worker. */
export type ToWorker =
  /** It is the turn `id` asked for. */
  | { kefu: 'granted'; id: number }
  /**
   * Answer the unanswered messages of these conversations: a worker that died held their turns.
   * `null`: of every conversation (on MongoDB the database orders the turns, so the primary does not
   * know which the dead worker held; a replayed turn queues behind the live ones and skips what they answered).
   */
  | { kefu: 'replay'; conversations: string[] | null };

export function isKefuMessage<T extends { kefu: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as { kefu?: unknown }).kefu === 'string';
}
