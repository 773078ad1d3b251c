/**
 * @module core/turn-queue
 * Runs the turns of one conversation one at a time, in arrival order; different
 * conversations run concurrently. With several server processes (`kefu serve --workers N`)
 * a `TurnOrder` shared by them extends the order across processes: two sockets of one
 * conversation may be served by different workers.
 */

/** Hands out a conversation's turn to one process at a time, in the order they asked. */
export interface TurnOrder {
  /**
   * Asks for `key`'s turn now (the request leaves before this returns, so it is queued before the
   * message's acknowledgement is sent); resolves with the release once it is this caller's turn.
   */
  acquire(key: string): Promise<() => void>;
}

export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly order?: TurnOrder) {}

  /** Queues `task` behind the conversation's earlier tasks; resolves when it has run. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const turn = this.order ? this.inOrder(this.order.acquire(key), task) : task;
    const next = previous.then(turn, turn);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves when every queued turn has finished (used at shutdown). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private inOrder(granted: Promise<() => void>, task: () => Promise<void>): () => Promise<void> {
    return async () => {
      const release = await granted;
      try {
        await task();
      } finally {
        release();
      }
    };
  }
}
