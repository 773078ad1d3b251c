/**
 * @module bot/turn-outcome
 * What a turn changed about its conversation (its language, whether staff have it), kept on the
 * turn's context by the bot and read by the turn runner into the turn's result.
 */
import type { TurnContext } from 'botbuilder-core';
import type { Conversation } from '../core/conversation';

export type TurnOutcome = Partial<Pick<Conversation, 'locale' | 'handoff'>>;

const OUTCOME_KEY = Symbol('kefu.turnOutcome');

export function noteOutcome(context: TurnContext, change: TurnOutcome): void {
  context.turnState.set(OUTCOME_KEY, { ...outcomeOf(context), ...change });
}

export function outcomeOf(context: TurnContext): TurnOutcome {
  return (context.turnState.get(OUTCOME_KEY) as TurnOutcome | undefined) ?? {};
}
