/**
 * @module dialogs/handoff-handler
 * A human is asked for, or the shopper complains: queue the conversation for staff with the
 * reason; from then on the bot stays quiet in it until staff release it. The reason quotes the
 * shopper, so it is stored redacted (like transcripts, whatever `KEFU_RAW_RETENTION_DAYS` says)
 * and cut at 200 characters at a space or punctuation mark. A channel may limit requests per
 * network (`TurnGuards.handoff`): past it the shopper is told staff cannot take more requests
 * from there right now, and nothing is queued.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from '../bot/bot-services';
import { reply } from '../bot/reply';
import { turnInfo } from '../bot/turn-info';
import { GUARDS_KEY, HANDOFF_KEY } from '../bot/turn-keys';
import type { TurnGuards } from '../core/turn-runner';
import { cutQuote } from '../privacy/cut-quote';
import { redact } from '../privacy/redact';

export async function handleHandoff(context: TurnContext, services: BotServices, intent: string): Promise<void> {
  const { locale, text, conversation } = turnInfo(context);
  const guards = context.turnState.get(GUARDS_KEY) as TurnGuards | undefined;
  const admitted = !guards?.handoff || guards.handoff();
  if (admitted) {
    // Redacted whole, then cut: a cut through a phone number would hide it from the redaction.
    const said = cutQuote(redact(text.trim()));
    await services.handoffs.enqueue(conversation.id, `${intent}${said ? ': ' + said : ''}`);
    context.turnState.set(HANDOFF_KEY, true);
  }
  if (intent === 'complaint') await reply(context, services.responses.text(locale, 'handoff.complaintEmpathy'), locale);
  await reply(context, services.responses.text(locale, admitted ? 'handoff.queued' : 'handoff.busy'), locale);
}
