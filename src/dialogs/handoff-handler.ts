/**
 * @module dialogs/handoff-handler
 * A human is asked for, or the shopper complains: queue the conversation for staff with the
 * reason; from then on the bot stays quiet in it until staff release it. The reason quotes the
 * shopper, so it is stored redacted (like transcripts, whatever `KEFU_RAW_RETENTION_DAYS` says)
 * and cut at 200 characters at a space or punctuation mark. A channel may limit requests per
 * network (`TurnGuards.handoff`): past it the shopper is told staff cannot take more requests
 * from there right now, and nothing is queued. A shopper angry now or in a recent message
 * (`bot/shopper-mood`) is queued with the angry priority: staff see them first. The reply names
 * the staff hours, or outside them when staff are back (the conversation stays queued, the
 * shopper may leave a message), with a button back to the assistant (`dialogs/handoff-waiting`).
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from './turn/bot-services';
import { reply } from './turn/reply';
import { turnInfo } from './turn/turn-info';
import { ANGRY_KEY, EMPATHY_SHOWN_KEY, GUARDS_KEY, HANDOFF_KEY } from './turn/turn-keys';
import { HANDOFF_PRIORITY } from '../core/conversation';
import type { TurnGuards } from '../core/turn-runner';
import { cutQuote } from '../privacy/cut-quote';
import { redact } from '../privacy/redact';
import { backToBotAction, handoffQueuedText } from './handoff-waiting';

export async function handleHandoff(context: TurnContext, services: BotServices, intent: string): Promise<void> {
  const { locale, text, conversation } = turnInfo(context);
  const guards = context.turnState.get(GUARDS_KEY) as TurnGuards | undefined;
  const admitted = !guards?.handoff || guards.handoff();
  if (admitted) {
    // Redacted whole, then cut: a cut through a phone number would hide it from the redaction.
    const said = cutQuote(redact(text.trim()));
    const priority = context.turnState.get(ANGRY_KEY) === true ? HANDOFF_PRIORITY.angry : HANDOFF_PRIORITY.normal;
    await services.handoffs.enqueue(conversation.id, `${intent}${said ? ': ' + said : ''}`, { priority });
    context.turnState.set(HANDOFF_KEY, true);
  }
  if (intent === 'complaint') {
    // The complaint's own empathy opens the turn: the bot adds none of its own.
    context.turnState.set(EMPATHY_SHOWN_KEY, true);
    await reply(context, services.responses.text(locale, 'handoff.complaintEmpathy'), locale);
  }
  if (!admitted) return reply(context, services.responses.text(locale, 'handoff.busy'), locale);
  // Staff hours (and outside them, when staff are back) and the way back to the assistant.
  await reply(context, handoffQueuedText(services, locale), locale, { actions: [backToBotAction(services, locale)] });
}
