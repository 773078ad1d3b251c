/**
 * @module catalogue/live-turn-runner
 * The turn runner the chat service holds for the server's life, delegating each turn to the bot
 * built from the current shop data and model. A reload builds a whole new bot (catalogue, FAQ,
 * lexicon, matcher, recommender, recogniser) and swaps it in with one assignment: a turn runs on the
 * bot it started with, so it sees the old set or the new one, never half of each. The turn's only
 * cost is reading one field.
 */
import type { TurnInput, TurnResult, TurnRunner } from '../core/turn-runner';

export class LiveTurnRunner implements TurnRunner {
  constructor(private current: TurnRunner) {}

  /** From now on, new turns run on `next`; turns already running finish on the bot they began with. */
  swap(next: TurnRunner): void {
    this.current = next;
  }

  run(input: TurnInput): Promise<TurnResult> {
    return this.current.run(input);
  }
}
