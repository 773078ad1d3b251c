/**
 * @module staff/password-check-queue
 * Password checks (scrypt, ~32 MiB and ~0.1 s each) run at most `concurrency` at a time, so a
 * flood of logins cannot occupy every libuv thread and all the memory, and each waits its turn
 * in one of two short queues: logins of a name from an address it signed in from before go
 * first, everyone else after them. One client address holds at most `perClient` places (running
 * or waiting), so a single address cannot fill the queue for everyone. A check that finds its
 * queue or its address's share full is refused at once (the caller answers 429 with a
 * retry-after) instead of waiting behind hundreds of others.
 */

export interface PasswordCheckQueueOptions {
  /** Checks running at once. `KEFU_STAFF_LOGIN_CONCURRENCY` @default 2 */
  concurrency: number;
  /** Checks waiting per lane before further ones are refused. `KEFU_STAFF_LOGIN_QUEUE` @default 8 */
  maxWaiting: number;
  /** Checks one client address may have running or waiting. @default 2 */
  perClient: number;
}

/** `known`: the name has logged in from this address before; `other`: everyone else (unknown names included). */
export type CheckLane = 'known' | 'other';

export class PasswordCheckQueue {
  private running = 0;
  private readonly waiting: Record<CheckLane, (() => void)[]> = { known: [], other: [] };
  /** Client address → its checks running or waiting. */
  private readonly byClient = new Map<string, number>();
  private readonly options: PasswordCheckQueueOptions;

  constructor(options: Partial<PasswordCheckQueueOptions> = {}) {
    this.options = { concurrency: 2, maxWaiting: 8, perClient: 2, ...options };
  }

  /** Checks running and waiting (for tests and diagnostics). */
  get load(): { running: number; known: number; other: number } {
    return { running: this.running, known: this.waiting.known.length, other: this.waiting.other.length };
  }

  /**
   * Runs `check` when a slot is free; null at once when its lane or `client`'s share is full.
   * @example const result = queue.run(() => verifyPassword(pw, hash), 'other', '203.0.113.7'); if (!result) throw busy(); const ok = await result;
   */
  run<T>(check: () => Promise<T>, lane: CheckLane, client: string): Promise<T> | null {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.options.perClient) return null;
    if (this.running < this.options.concurrency) {
      this.running += 1;
      this.byClient.set(client, mine + 1);
      return this.execute(check, client);
    }
    const line = this.waiting[lane];
    if (line.length >= this.options.maxWaiting) return null;
    this.byClient.set(client, mine + 1);
    // The slot is handed over by the check that ends (`running` stays counted meanwhile).
    return new Promise<void>((resolve) => line.push(resolve)).then(() => this.execute(check, client));
  }

  private async execute<T>(check: () => Promise<T>, client: string): Promise<T> {
    try {
      return await check();
    } finally {
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left > 0) this.byClient.set(client, left);
      else this.byClient.delete(client);
      const next = this.waiting.known.shift() ?? this.waiting.other.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
