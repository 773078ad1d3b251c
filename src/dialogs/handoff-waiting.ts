/**
 * @module dialogs/handoff-waiting
 * What the bot does in a conversation handed to staff (issue 12, honest handoff). While it waits
 * in the queue (no agent has taken it), every shopper message gets a short reply: the place in
 * the queue (`HandoffQueue.list`: priority, then age), an estimate (place × the staff's average
 * minutes per conversation, the domain's `staffHours`, called an estimate) or, outside staff
 * hours, when staff are back; and a button back to the assistant that leaves the queue. The
 * message itself is already in the transcript for the agent. While an agent holds the
 * conversation (handed off, no longer queued), the bot says nothing, to messages and taps alike.
 */
import type { TurnContext } from 'botbuilder-core';
import type { BotServices } from './turn/bot-services';
import { replyActivity } from './turn/reply';
import type { Conversation } from '../core/conversation';
import { LOCALES, type Locale } from '../core/shop';
import { menuActions } from './menu';
import type { StaffHours } from './staff-hours';

/** The postback of the "back to the assistant" button: leaves the handoff queue. */
export const LEAVE_QUEUE = 'handoff:leave';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}{4,}/u;

/** No recognition runs in these turns: the message's script, else the conversation's language. */
function localeOf(context: TurnContext, conversation: Conversation): Locale {
  const hinted = LOCALES.find((locale) => locale === context.activity.locale);
  if (hinted) return hinted;
  const text = context.activity.text ?? '';
  if (HAN.test(text)) return 'zh';
  if (LATIN.test(text)) return 'en';
  return conversation.locale ?? 'zh';
}

/** The "back to the assistant" button, for the handoff reply and every waiting reply. */
export function backToBotAction(services: BotServices, locale: Locale): { title: string; value: string } {
  return { title: services.responses.text(locale, 'handoff.actionBack'), value: LEAVE_QUEUE };
}

/**
 * The handoff reply's text: staff hours, and outside them when staff are back (the
 * conversation stays queued for then).
 */
export function handoffQueuedText(services: BotServices, locale: Locale, now: Date = new Date()): string {
  const hours = services.staffHours;
  const vars = { hours: hours.summary(locale) };
  const next = hours.isOpen(now) ? null : hours.describeNextOpening(locale, now);
  return next ? services.responses.text(locale, 'handoff.queuedClosed', { ...vars, next }) : services.responses.text(locale, 'handoff.queued', vars);
}

/**
 * Handles the turn when the conversation is with staff, or when the shopper taps "back to the
 * assistant". Resolves true when the turn is done here (the bot must not answer it), false when
 * the bot answers as usual.
 */
export async function answerWhileHandedOff(context: TurnContext, conversation: Conversation, services: BotServices): Promise<boolean> {
  const leaving = context.activity.value === LEAVE_QUEUE;
  if (!conversation.handoff && !leaving) return false;
  const locale = localeOf(context, conversation);
  const send = (text: string, intent: string, channelData: Record<string, unknown>, actions: { title: string; value: string }[]) =>
    context.sendActivity({ ...replyActivity(text, locale, { actions }), channelData: { intent: { name: intent, score: 1 }, ...channelData } });
  if (!conversation.handoff) {
    // A stale tap (already back with the assistant): say so, nothing to leave.
    await send(services.responses.text(locale, 'handoff.left'), 'handoff.leave', { handoff: false }, menuActions(services.responses, locale));
    return true;
  }
  const queue = await services.handoffs.list();
  const index = queue.findIndex((e) => e.conversationId === conversation.id);
  if (index < 0) return true; // an agent holds it: the agent answers, the bot stays quiet
  if (leaving) {
    await services.handoffs.release(conversation.id);
    await send(services.responses.text(locale, 'handoff.left'), 'handoff.leave', { handoff: false }, menuActions(services.responses, locale));
    return true;
  }
  const now = new Date();
  const info = queueInfo(services.staffHours, index + 1, now);
  await send(waitingText(services, locale, info, now), 'handoff.waiting', { handoff: true, queue: info }, [backToBotAction(services, locale)]);
  return true;
}

/** What the waiting reply's `channelData.queue` says (the text says the same in words). */
function queueInfo(hours: StaffHours, position: number, now: Date) {
  const open = hours.isOpen(now);
  return { position, staffOnline: open, ...(open ? { estimateMinutes: Math.ceil(position * hours.minutesPerConversation) } : {}) };
}

function waitingText(services: BotServices, locale: Locale, info: ReturnType<typeof queueInfo>, now: Date): string {
  const hours = services.staffHours;
  const next = info.estimateMinutes === undefined ? hours.describeNextOpening(locale, now) : null;
  if (next) return services.responses.text(locale, 'handoff.waitingClosed', { position: info.position, next });
  const minutes = info.estimateMinutes ?? Math.ceil(info.position * hours.minutesPerConversation);
  return services.responses.text(locale, 'handoff.waiting', { position: info.position, minutes, per: hours.minutesPerConversation });
}
