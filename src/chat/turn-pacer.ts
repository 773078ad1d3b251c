/**
 * @module chat/turn-pacer
 * Lets at most a few turns start their synchronous work (NLU, dialogs: about a millisecond or
 * more each) per turn of the event loop. Without it a group commit that stores hundreds of
 * messages at once releases all their turns together, and they run back to back for seconds
 * while no socket is read, no handshake answered and no acknowledgement written; the shoppers'
 * answers then come in waves. Paced, the event loop polls I/O between every few turns. Order
 * within a conversation is the turn queue's business; this only spreads turns over time.
 */

/**
 * Turns started per event-loop turn: some tens of milliseconds of CPU between I/O polls. Fewer
 * means smaller commit groups (more commits and fsyncs per turn): on this machine, closed loop at
 * 1,000 conversations, 8 cost about a third of the turns/s and 32 about a quarter, against new
 * sockets answered in 0.1–0.4 s instead of 1.5–2.2 s and no waves (see the commit message).
 */
export const TURNS_PER_TICK = 32;

export class TurnPacer {
  private budget: number;
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly perTick = TURNS_PER_TICK) {
    this.budget = perTick;
  }

  /**
   * Resolves when the caller may start its turn: at once while this event-loop turn has budget,
   * else in a later one (first come, first served).
   * @example await pacer.next(); runTheTurn();
   */
  next(): Promise<void> {
    this.schedule();
    if (this.budget > 0 && this.waiting.length === 0) {
      this.budget--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** After the I/O poll of this loop turn: a fresh budget for the waiting turns. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.budget = this.perTick;
      while (this.budget > 0 && this.waiting.length > 0) {
        this.budget--;
        this.waiting.shift()!();
      }
      if (this.waiting.length > 0 || this.budget < this.perTick) this.schedule();
    });
  }
}
