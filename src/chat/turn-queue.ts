/**
 * @module chat/turn-queue
 * Runs the turns of one conversation one at a time, in arrival order; different
 * conversations run concurrently.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `task` behind the conversation's earlier tasks; resolves when it has run. */
  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
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
}
