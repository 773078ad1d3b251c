/**
 * @module widget/message-log
 * The conversation's log (`role=log`): rows appended at the end, the typing indicator kept
 * last, system notices, and scrolling that follows new rows only when the shopper was at the
 * bottom already.
 */
import { el } from './dom';
import type { WidgetTexts } from './widget-texts';

/** The typing indicator goes away by itself if no reply ends it. */
const TYPING_TIMEOUT_MS = 15000;

export class MessageLog {
  readonly element: HTMLElement;
  private stick = true;
  private typingRow: HTMLElement | null = null;
  private typingTimer: number | undefined;

  constructor(
    private readonly t: WidgetTexts,
    label: string,
    welcome: string,
  ) {
    this.element = el('div', {
      class: 'kefu-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': label, tabindex: '0',
    }, [el('div', { class: 'kefu-welcome', hidden: !welcome }, [el('p', { text: welcome })])]);
  }

  /** Remembers whether the log is at the bottom, before something changes its height. */
  holdPosition(): void {
    const l = this.element;
    this.stick = l.scrollHeight - l.scrollTop - l.clientHeight < 80;
  }

  /** To the bottom if `force`, or if it was there before the change. */
  scrollToBottom(force: boolean): void {
    if (force || this.stick) this.element.scrollTop = this.element.scrollHeight;
  }

  /** Inserts a row at the end, keeping the typing indicator last. */
  appendRow(row: HTMLElement): void {
    this.holdPosition();
    if (this.typingRow && this.typingRow.parentNode === this.element) this.element.insertBefore(row, this.typingRow);
    else this.element.appendChild(row);
    this.scrollToBottom(false);
  }

  /** A small system line (server `error` events, auth changes, an agent joined or left): text only. */
  notice(text: string, kind: 'info' | 'warn' | 'error'): void {
    this.appendRow(el('div', { class: 'kefu-notice kefu-notice--' + kind, role: 'status', 'data-testid': 'chat-notice' }, [el('span', { text })]));
  }

  showTyping(): void {
    if (!this.typingRow) {
      this.typingRow = el('div', { class: 'kefu-typing', 'data-testid': 'chat-typing', role: 'status' }, [
        el('span', { class: 'kefu-typing-dots', 'aria-hidden': 'true' }, [el('span'), el('span'), el('span')]),
        el('span', { class: 'kefu-sr', text: this.t.text('typing') }),
      ]);
    }
    if (this.typingRow.parentNode !== this.element) {
      this.holdPosition();
      this.element.appendChild(this.typingRow);
      this.scrollToBottom(false);
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = window.setTimeout(() => this.hideTyping(), TYPING_TIMEOUT_MS);
  }

  hideTyping(): void {
    clearTimeout(this.typingTimer);
    this.typingRow?.remove();
  }

  /** Suggested actions belong to the latest bot turn only. */
  clearActions(): void {
    for (const node of this.element.querySelectorAll('.kefu-actions')) node.remove();
  }

  /** Everything but the welcome. */
  clear(): void {
    this.hideTyping();
    for (const node of Array.from(this.element.children)) if (!node.classList.contains('kefu-welcome')) node.remove();
  }
}
