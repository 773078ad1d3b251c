/**
 * @module cluster/mongo-turn-order
 * The turn order of one conversation across machines sharing a MongoDB store: a ticket counter
 * per conversation (a baker's queue). `acquire` takes the next ticket with one atomic update, sent
 * before the message is acknowledged, so a message sent after that acknowledgement, to any
 * machine, gets a later ticket; a ticket holds the turn when `serving` reaches it, and releasing
 * moves `serving` on. A holder beats while its turn runs; a ticket whose holder stopped beating
 * for `LEASE_MS` (its process died) is skipped by the next in line, so a dead machine stalls a
 * conversation for that long at most. Waiters poll the one document: the turn is uncontended
 * almost always (one shopper, one conversation), and then granted by the update itself.
 */
import type { Collection, Db } from 'mongodb';
import type { TurnOrder } from '../core/turn-queue';
import { createLogger } from '../log';

const log = createLogger('kefu:cluster');

export const TURN_TICKETS_COLLECTION = 'turn_tickets';
/** A turn without a beat for this long is taken as dead. */
const LEASE_MS = 15_000;
const BEAT_MS = LEASE_MS / 3;
const POLL_MS = 15;
/** A conversation's counter is dropped after a day without a message (a TTL index). */
const IDLE_SECONDS = 24 * 60 * 60;

interface Tickets {
  _id: string;
  /** The last ticket handed out. */
  next: number;
  /** The ticket that holds the turn. */
  serving: number;
  /** The holder's beats; a waiter that sees neither this nor `serving` move for `LEASE_MS` skips the ticket. */
  beats: number;
  at: Date;
}

const noRelease = (): void => undefined;
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class MongoTurnOrder implements TurnOrder {
  private stopped = false;
  private readonly beating = new Set<NodeJS.Timeout>();

  private constructor(private readonly tickets: Collection<Tickets>) {}

  /** @example const order = await MongoTurnOrder.open(client.db()); */
  static async open(db: Db): Promise<MongoTurnOrder> {
    const tickets = db.collection<Tickets>(TURN_TICKETS_COLLECTION);
    await tickets.createIndex({ at: 1 }, { expireAfterSeconds: IDLE_SECONDS });
    return new MongoTurnOrder(tickets);
  }

  acquire(key: string): Promise<() => void> {
    // One update, issued now: the next ticket, and `serving` starts at the first.
    const ticket = this.tickets.findOneAndUpdate(
      { _id: key },
      [{ $set: { next: { $add: [{ $ifNull: ['$next', 0] }, 1] }, serving: { $ifNull: ['$serving', 1] }, beats: { $ifNull: ['$beats', 0] }, at: '$$NOW' } }],
      { upsert: true, returnDocument: 'after' },
    );
    return ticket.then(
      (doc) => (doc ? this.waitFor(key, doc.next, doc) : noRelease),
      (err: unknown) => {
        // The store is unreachable too; the turn fails on its own writes. Nothing to wait for.
        log.warn('turn order of %s unavailable: %s', key, err instanceof Error ? err.message : String(err));
        return noRelease;
      },
    );
  }

  /** Ends the beats; turns still waiting go ahead (the process is stopping). */
  stop(): void {
    this.stopped = true;
    for (const timer of this.beating) clearInterval(timer);
    this.beating.clear();
  }

  private async waitFor(key: string, ticket: number, first: Tickets): Promise<() => void> {
    let doc: Tickets | null = first;
    let seen = '';
    let seenAt = Date.now();
    while (doc && doc.serving < ticket && !this.stopped) {
      const state = `${doc.serving}:${doc.beats}`;
      if (state !== seen) [seen, seenAt] = [state, Date.now()];
      else if (Date.now() - seenAt > LEASE_MS) {
        log.warn('turn %s of %s went %s ms without a beat; skipped', doc.serving, key, LEASE_MS);
        await this.tickets.updateOne({ _id: key, serving: doc.serving, beats: doc.beats }, { $inc: { serving: 1 }, $set: { beats: 0 } }).catch(() => undefined);
      }
      await pause(POLL_MS);
      doc = await this.tickets.findOne({ _id: key }).catch(() => null);
    }
    return this.stopped ? noRelease : this.hold(key, ticket);
  }

  private hold(key: string, ticket: number): () => void {
    const mine = { _id: key, serving: ticket };
    const beat = setInterval(() => void this.tickets.updateOne(mine, { $inc: { beats: 1 } }).catch(() => undefined), BEAT_MS);
    beat.unref();
    this.beating.add(beat);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      clearInterval(beat);
      this.beating.delete(beat);
      // Only if it is still this ticket's turn: a ticket skipped as dead must not skip the next.
      void this.tickets.updateOne(mine, { $inc: { serving: 1 }, $set: { beats: 0 } }).catch((err: unknown) => {
        log.warn('turn %s of %s not released: %s', ticket, key, err instanceof Error ? err.message : String(err));
      });
    };
  }
}
