/**
 * @module widget/connection-banner
 * The line under the header that says the widget is connecting, reconnecting or offline.
 * "Connecting…" only shows when the first connection is slow.
 */
import type { ConnState } from './connection';
import { el } from './dom';
import type { WidgetTexts } from './widget-texts';

export class ConnectionBanner {
  readonly element: HTMLElement = el('div', { class: 'kefu-banner', role: 'status', 'data-testid': 'chat-connection', hidden: true });
  private state: ConnState = 'connecting';
  private graceOver = false;

  constructor(private readonly t: WidgetTexts) {}

  show(state: ConnState): void {
    this.state = state;
    this.render();
  }

  /** The first connection is taking long enough to say so. */
  endGrace(): void {
    this.graceOver = true;
    this.render();
  }

  private render(): void {
    const s = this.state;
    const text = s === 'reconnecting' ? this.t.text('reconnecting') : s === 'offline' ? this.t.text('offline') : s === 'connecting' ? this.t.text('connecting') : '';
    this.element.setAttribute('data-state', s);
    this.element.textContent = text;
    this.element.hidden = !text || (s === 'connecting' && !this.graceOver);
  }
}
