/**
 * @module bot/turn-state-storage
 * The `Storage` the bot's `ConversationState` uses: during a turn, the conversation's own state
 * key is served from what the chat service read with the conversation, and the turn's write to it
 * is kept for the turn's one write (`TurnCommitter.commitTurn`) instead of going to the store.
 * That write carries the eTag read with the conversation (botbuilder writes `*`), so a turn that
 * raced another on the same conversation is found out and run again. Other keys (the
 * verification limit's, across conversations) go to the store. A conversation's turns run one at
 * a time, so a key names one turn.
 */
import type { Storage, StoreItems } from 'botbuilder-core';
import type { DialogStateItems } from '../core/turn-store';

interface OpenTurn {
  read: DialogStateItems[string] | undefined;
  written?: DialogStateItems[string];
}

export class TurnStateStorage implements Storage {
  private readonly turns = new Map<string, OpenTurn>();

  constructor(private readonly store: Storage) {}

  /** Starts a turn on `key` with the state read with its conversation (`state[key]`, absent when none is stored yet). */
  begin(key: string, state: DialogStateItems): void {
    this.turns.set(key, { read: state[key] });
  }

  /** Ends the turn on `key`: what it wrote there, with the eTag it read, or nothing. */
  end(key: string): DialogStateItems {
    const turn = this.turns.get(key);
    this.turns.delete(key);
    return turn?.written ? { [key]: turn.written } : {};
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const turn = this.turns.get(key);
      // The state read with the conversation is this turn's own copy; a write kept is copied again.
      const item = turn?.written ? structuredClone(turn.written) : turn?.read;
      if (item) items[key] = item;
    }
    const rest = keys.filter((key) => !this.turns.has(key));
    return rest.length ? { ...items, ...(await this.store.read(rest)) } : items;
  }

  async write(changes: StoreItems): Promise<void> {
    const rest: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      const turn = this.turns.get(key);
      if (!turn) rest[key] = item;
      else turn.written = { ...structuredClone(item), eTag: turn.read?.eTag ?? '*' };
    }
    if (Object.keys(rest).length) await this.store.write(rest);
  }

  /** Deletes at once, also the turn's key (botbuilder's `ConversationState.delete`; the bot does not use it mid-turn). */
  async delete(keys: string[]): Promise<void> {
    await this.store.delete(keys);
    for (const key of keys) if (this.turns.has(key)) this.turns.set(key, { read: undefined });
  }
}
