/**
 * @module widget/message-status
 * The footer of the shopper's own message: a clock while it is on its way, and after a refusal
 * or a timeout the reason with a retry button. Sent messages show nothing.
 */
import { el } from './dom';
import { icon } from './icons';
import type { WidgetTexts } from './widget-texts';

export type SendStatus = 'pending' | 'sent' | 'failed';

export function showStatus(row: HTMLElement, status: SendStatus, t: WidgetTexts, failure: { message?: string; retry: () => void }): void {
  row.setAttribute('data-status', status);
  const meta = row.querySelector('.kefu-meta');
  if (!meta) return;
  meta.textContent = '';
  if (status === 'pending') {
    meta.appendChild(el('span', { class: 'kefu-pending', role: 'img', 'aria-label': t.text('sending'), title: t.text('sending') }, [icon('clock')]));
  } else if (status === 'failed') {
    meta.appendChild(el('span', { class: 'kefu-failed', role: 'alert' }, [icon('alert'), el('span', { text: failure.message || t.text('failed') })]));
    meta.appendChild(el('button', { type: 'button', class: 'kefu-retry', 'data-testid': 'chat-retry', onclick: failure.retry }, [icon('retry'), t.text('retry')]));
  }
}
