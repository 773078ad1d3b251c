/**
 * @module dialogs/clarify-intent
 * "Did you mean this or that?" instead of a guess: when the top two intents of a message are
 * close (`nlp/clarify-rule`), the bot asks one short question with both as buttons (wording and
 * the intent → label table in `dialogs/clarify.json`). A button's postback names the intent and
 * the message's activity id; the message's words are kept (redacted: no phone, email, address or
 * secret, as the transcript stores them) in the conversation's memory until the next turn, so the
 * tapped intent runs on them (their entities: order number, product, price).
 * The tap is recorded as a training signal (`ClarificationLog`). Never asked twice in a row.
 */
import type { DialogContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder-core';
import type { Locale } from '../core/shop';
import type { BotServices } from './turn/bot-services';
import { postbacks } from './turn/postback';
import { replyActivity } from './turn/reply';
import { setHandledIntent, turnInfo } from './turn/turn-info';
import { closeCall, rankedIntents } from '../nlp/clarify-rule';
import { redact } from '../privacy/redact';
import { createLogger } from '../log';

const log = createLogger('kefu:dialogs:clarify');

/** A question asked in the previous turn, kept in the conversation's memory until the next one. */
export interface PendingClarification {
  activityId: string;
  /** The shopper's words, redacted, so the chosen intent runs on them (cleared by the next turn). */
  text: string;
  locale: Locale;
  choices: { name: string; score: number }[];
}

/** The shopper picked one of the two intents for their message: a labelled example. */
export interface ClarificationChoice {
  conversationId: string;
  activityId: string;
  chosenIntent: string;
  /** The language the message was read in. */
  locale: Locale;
  /** The intents offered, best first, with their calibrated probabilities. */
  offered: { name: string; score: number }[];
}

/** Where the choices go to become training data (the teach loop's annotations). */
export interface ClarificationLog {
  record(choice: ClarificationChoice): Promise<void>;
}

const labelKey = (intent: string): string => `clarify.label.${intent}`;

/** A label starts the button: capitalised in a language with capitals (Han has none, so zh is unchanged). */
function buttonTitle(label: string, locale: Locale): string {
  return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}

/**
 * Asks the clarifying question when the message is a close call between two intents that have a
 * label, and the previous turn did not ask. Resolves with whether it asked (the caller then routes
 * nothing). Call it only outside a flow that waits for an answer.
 */
export async function askToClarify(dc: DialogContext, services: BotServices): Promise<boolean> {
  const rule = services.clarify;
  if (!rule) return false;
  const memory = await services.memory.get(dc.context, {});
  if (memory.clarification) {
    // Asked last turn and the shopper typed something else: this is a new turn, not a second question.
    delete memory.clarification;
    return false;
  }
  const { recognition, text, postback } = turnInfo(dc.context);
  const activityId = dc.context.activity.id;
  if (postback !== undefined || !text.trim() || !activityId) return false;
  const pair = closeCall(rankedIntents(recognition), rule);
  if (!pair || !pair.every((c) => services.responses.has(labelKey(c.name)))) return false;
  const locale = recognition.locale;
  const [first, second] = pair.map((c) => services.responses.text(locale, labelKey(c.name))) as [string, string];
  const choices = pair.map((c) => ({ name: c.name, score: Math.round(c.score * 1000) / 1000 }));
  memory.clarification = { activityId, text: redact(text), locale, choices };
  setHandledIntent(dc.context, pair[0].name, pair[0].score);
  const reply = replyActivity(services.responses.text(locale, 'clarify.question', { first, second }), locale, {
    actions: pair.map((c, i) => ({ title: buttonTitle(i === 0 ? first : second, locale), value: postbacks.clarify(c.name, activityId) })),
  });
  reply.channelData = { clarify: { intents: choices } };
  await dc.context.sendActivity(reply);
  return true;
}

/**
 * The words of the message a clarify button answers, when it answers the question still open
 * (the same activity id, one of the offered intents); the question is closed either way.
 */
export async function takeClarified(context: TurnContext, services: BotServices, tap: { intent: string; activityId: string }): Promise<PendingClarification | null> {
  const memory = await services.memory.get(context, {});
  const pending = memory.clarification;
  delete memory.clarification;
  if (!pending || pending.activityId !== tap.activityId || !pending.choices.some((c) => c.name === tap.intent)) return null;
  return pending;
}

/** Records the shopper's pick; a store that fails is logged, the answer still goes out. */
export async function recordClarification(services: BotServices, choice: ClarificationChoice): Promise<void> {
  if (!services.clarifications) return;
  try {
    await services.clarifications.record(choice);
  } catch (err) {
    log.warn('could not record the clarification of %s: %s', choice.activityId, err instanceof Error ? err.message : String(err));
  }
}
