/**
 * @module dialogs/turn/turn-info
 * What every handler needs to know about the current turn, read from `context.turnState`.
 */
import type { TurnContext } from 'botbuilder-core';
import type { Conversation } from '../../core/conversation';
import type { KefuRecognizerResult } from '../../core/nlu';
import type { Locale } from '../../core/shop';
import type { FollowUp } from '../context/follow-up';
import { CLARIFIED_TEXT_KEY, CONVERSATION_KEY, FOLLOW_UP_KEY, HANDLED_INTENT_KEY, RECOGNITION_KEY } from './turn-keys';

export interface TurnInfo {
  conversation: Conversation;
  recognition: KefuRecognizerResult;
  locale: Locale;
  /** The signed-in customer, or null for an anonymous shopper. */
  customerId: string | null;
  /** The text of a message, or '' for a postback (a clarify button's: the words of the message it answers). */
  text: string;
  /** A postback's value, if this turn is one. */
  postback?: string;
  /** How the message reads after the recent turns (references, inherited constraints), when it was read so. */
  followUp?: FollowUp;
}

export function turnInfo(context: TurnContext): TurnInfo {
  const conversation = context.turnState.get(CONVERSATION_KEY) as Conversation;
  const recognition = context.turnState.get(RECOGNITION_KEY) as KefuRecognizerResult;
  const value = context.activity.value;
  return {
    conversation,
    recognition,
    locale: recognition.locale,
    customerId: conversation.customerId,
    text: (context.turnState.get(CLARIFIED_TEXT_KEY) as string | undefined) ?? context.activity.text ?? '',
    ...(typeof value === 'string' ? { postback: value } : {}),
    ...(context.turnState.get(FOLLOW_UP_KEY) ? { followUp: context.turnState.get(FOLLOW_UP_KEY) as FollowUp } : {}),
  };
}

/** Records the intent this turn is handled as; every reply carries it in `channelData.intent`. */
export function setHandledIntent(context: TurnContext, name: string, score: number): void {
  context.turnState.set(HANDLED_INTENT_KEY, { name, score: Math.round(score * 1000) / 1000 });
}

export function handledIntent(context: TurnContext): { name: string; score: number } | undefined {
  return context.turnState.get(HANDLED_INTENT_KEY) as { name: string; score: number } | undefined;
}
