/**
 * @module dialogs/turn/reply
 * Builds reply activities: text, cards (attachments) and suggested actions.
 */
import type { Activity, TurnContext } from 'botbuilder-core';
import type { Locale } from '../../core/shop';

export { ContentTypes } from '../../core/chat-protocol';

export interface ActionSpec {
  title: string;
  value: string;
}

export interface ReplySpec {
  attachments?: { contentType: string; content: object }[];
  actions?: ActionSpec[];
}

export function replyActivity(text: string, locale: Locale, spec: ReplySpec = {}): Partial<Activity> {
  return {
    type: 'message',
    text,
    locale,
    ...(spec.attachments?.length
      ? { attachments: spec.attachments.map((a) => ({ contentType: a.contentType, content: a.content })), attachmentLayout: 'carousel' }
      : {}),
    ...(spec.actions?.length
      ? { suggestedActions: { to: [], actions: spec.actions.map((a) => ({ type: 'postBack', title: a.title, value: a.value })) } }
      : {}),
  };
}

/** Sends one reply and resolves when it is stored and delivered. */
export async function reply(context: TurnContext, text: string, locale: Locale, spec: ReplySpec = {}): Promise<void> {
  await context.sendActivity(replyActivity(text, locale, spec));
}
