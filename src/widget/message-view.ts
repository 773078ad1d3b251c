/**
 * @module widget/message-view
 * One message row: the agent's name, the text as text (links only for http(s) URLs), cards,
 * suggested actions (bot and agent turns), and a footer with feedback buttons (bot replies)
 * or the sending status (the shopper's own).
 */
import type { ChatActivity, Role } from '../core/conversation';
import { appendText, el } from './dom';
import { renderAttachments } from './cards/attachments';
import { renderFeedback, type SendFeedback } from './feedback-buttons';
import { fmtDate } from './format';
import { icon } from './icons';
import { pick } from './locale';
import type { RenderContext, Wire } from './render-context';
import { renderActions, type WireAction } from './suggested-actions';

/** An activity as it arrives: the protocol's field names, values still to be checked. */
export type WireActivity = Wire<ChatActivity>;

export interface MessageHooks {
  tap(action: WireAction, title: string): void;
  feedback: SendFeedback;
}

/** Who wrote it; anything but a shopper or an agent is the bot. */
export function roleOf(a: WireActivity): Role {
  const r = a.from && typeof a.from === 'object' ? (a.from as { role?: unknown }).role : undefined;
  return r === 'user' || r === 'agent' ? r : 'bot';
}

export function renderMessage(a: WireActivity, role: Role, ctx: RenderContext, hooks: MessageHooks): HTMLElement {
  const { t, lang } = ctx;
  const row = el('div', {
    class: `kefu-msg kefu-msg--${role}`, 'data-testid': 'chat-message', 'data-role': role,
    'data-id': a.id == null ? null : String(a.id),
  });
  if (role === 'agent') {
    const name = pick((a.from as { name?: unknown }).name, lang);
    row.appendChild(el('div', { class: 'kefu-sender' }, [
      icon('agent'),
      el('span', { class: 'kefu-sender-name', text: name || t.text('agent') }),
      name ? el('span', { class: 'kefu-tag', text: t.text('agent') }) : null,
    ]));
  }
  if (typeof a.text === 'string' && a.text) {
    const bubble = el('div', { class: 'kefu-bubble', title: a.timestamp ? fmtDate(a.timestamp, lang, true) : null });
    appendText(bubble, a.text, ctx.serverUrl);
    row.appendChild(bubble);
  }
  if (Array.isArray(a.attachments) && a.attachments.length) {
    const cards = renderAttachments(a.attachments, ctx);
    if (cards) row.appendChild(cards);
  }
  const actions = suggestedActionsOf(a);
  if (role !== 'user' && actions) {
    const buttons = renderActions(actions, ctx, hooks.tap);
    if (buttons) row.appendChild(buttons);
  }
  const meta = el('div', { class: 'kefu-meta' });
  row.appendChild(meta);
  if (role === 'bot' && a.id != null) meta.appendChild(renderFeedback(String(a.id), ctx, hooks.feedback));
  return row;
}

/** The list of suggested actions, if the activity carries one. */
export function suggestedActionsOf(a: WireActivity): unknown[] | null {
  const s = a.suggestedActions;
  const actions = s && typeof s === 'object' ? (s as { actions?: unknown }).actions : undefined;
  return Array.isArray(actions) ? actions : null;
}
