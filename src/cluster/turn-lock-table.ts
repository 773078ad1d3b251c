/**
 * @module cluster/turn-lock-table
 * The primary's side of the turn order across workers: per conversation, a queue of the turns
 * the workers asked for, in the order the requests arrived; the head holds the turn. A worker
 * that dies loses its places, and the conversations it held are named for a replay.
 */

export interface TurnRequest {
  worker: number;
  id: number;
  key: string;
}

export class TurnLockTable {
  private readonly queues = new Map<string, TurnRequest[]>();
  /** `worker:id` → key, to find a release. */
  private readonly keys = new Map<string, string>();

  /** Queues a request; returns it when it holds the turn at once. */
  acquire(request: TurnRequest): TurnRequest | null {
    const queue = this.queues.get(request.key);
    this.keys.set(`${request.worker}:${request.id}`, request.key);
    if (queue) {
      queue.push(request);
      return null;
    }
    this.queues.set(request.key, [request]);
    return request;
  }

  /** Ends a held turn (or withdraws a waiting one); returns the request that holds it now, if any. */
  release(worker: number, id: number): TurnRequest | null {
    const key = this.keys.get(`${worker}:${id}`);
    if (key === undefined) return null;
    this.keys.delete(`${worker}:${id}`);
    return this.remove(key, (r) => r.worker === worker && r.id === id)[0] ?? null;
  }

  /** Drops a dead worker's requests: the keys it held or waited for, and the requests that hold a turn now. */
  dropWorker(worker: number): { keys: string[]; granted: TurnRequest[] } {
    const keys: string[] = [];
    const granted: TurnRequest[] = [];
    for (const [key, queue] of [...this.queues]) {
      if (!queue.some((r) => r.worker === worker)) continue;
      keys.push(key);
      granted.push(...this.remove(key, (r) => r.worker === worker));
    }
    for (const k of [...this.keys.keys()]) if (k.startsWith(`${worker}:`)) this.keys.delete(k);
    return { keys, granted };
  }

  /** Requests queued or holding, for tests. */
  size(): number {
    let n = 0;
    for (const queue of this.queues.values()) n += queue.length;
    return n;
  }

  /** Removes matching requests of `key`; returns the new head when the head changed. */
  private remove(key: string, match: (r: TurnRequest) => boolean): TurnRequest[] {
    const queue = this.queues.get(key);
    if (!queue) return [];
    const head = queue[0];
    const left = queue.filter((r) => !match(r));
    if (left.length === 0) {
      this.queues.delete(key);
      return [];
    }
    this.queues.set(key, left);
    return left[0] !== head ? [left[0]] : [];
  }
}
