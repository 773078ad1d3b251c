/**
 * @module bot/turn-outcome
 * What a turn changed about its conversation (its language, whether staff have it, its dialog
 * state), kept on the turn's context by the bot and read by the turn runner into the turn's
 * result; and the dialog state the turn began with, put there by the runner.
 */
import type { TurnContext } from 'botbuilder-core';
import type { Conversation } from '../core/conversation';
import type { DialogStateItems } from '../core/turn-store';

export type TurnOutcome = Partial<Pick<Conversation, 'locale' | 'handoff'>> & { state?: DialogStateItems };

const OUTCOME_KEY = Symbol('kefu.turnOutcome');
const STATE_READ_KEY = Symbol('kefu.stateRead');

/** The conversation's dialog state as read with it, for the bot's `TurnStateStorage` (a turn without it reads and writes the store itself). */
export function setStateRead(context: TurnContext, state: DialogStateItems): void {
  context.turnState.set(STATE_READ_KEY, state);
}

export function stateRead(context: TurnContext): DialogStateItems | undefined {
  return context.turnState.get(STATE_READ_KEY) as DialogStateItems | undefined;
}

export function noteOutcome(context: TurnContext, change: TurnOutcome): void {
  context.turnState.set(OUTCOME_KEY, { ...outcomeOf(context), ...change });
}

export function outcomeOf(context: TurnContext): TurnOutcome {
  return (context.turnState.get(OUTCOME_KEY) as TurnOutcome | undefined) ?? {};
}
