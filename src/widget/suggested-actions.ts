/**
 * @module widget/suggested-actions
 * A bot turn's suggested actions as buttons: `openUrl` becomes a link (http(s) only), the
 * others are tapped (`imBack` as the shopper's message, `postBack` as a postback).
 */
import type { SuggestedAction } from '../core/conversation';
import { el } from './dom';
import { pick } from './locale';
import type { RenderContext, Wire } from './render-context';
import { safeUrl } from './safe-url';

export type WireAction = Wire<SuggestedAction> & { readonly displayText?: unknown; readonly data?: unknown };

/** @param tap gets the action and the title shown on it */
export function renderActions(actions: readonly unknown[], ctx: RenderContext, tap: (action: WireAction, title: string) => void): HTMLElement | null {
  const buttons: HTMLElement[] = [];
  for (const item of actions) {
    if (!item || typeof item !== 'object') continue;
    const action = item as WireAction;
    const title = pick(action.title, ctx.lang) || (typeof action.value === 'string' ? action.value : '');
    if (!title) continue;
    if (action.type === 'openUrl') {
      const href = safeUrl(action.value, ctx.serverUrl);
      if (href) buttons.push(el('a', { class: 'kefu-action kefu-action--link', href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'chat-action', text: title }));
      continue;
    }
    buttons.push(el('button', { type: 'button', class: 'kefu-action', 'data-testid': 'chat-action', text: title, onclick: () => tap(action, title) }));
  }
  return buttons.length ? el('div', { class: 'kefu-actions', role: 'group', 'aria-label': ctx.t.text('suggestions') }, buttons) : null;
}
