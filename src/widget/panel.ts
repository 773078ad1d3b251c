/**
 * @module widget/panel
 * The launcher button (with its unread badge) and the chat panel (header, connection banner,
 * log, composer): opening, closing with Escape or the close button, and counting replies that
 * arrive while it is closed.
 */
import type { Locale } from '../core/shop';
import { el } from './dom';
import { icon } from './icons';
import type { WidgetTexts } from './widget-texts';

export interface PanelParts {
  id: string;
  title: string;
  subtitle: string;
  banner: HTMLElement;
  log: HTMLElement;
  composer: HTMLElement;
}

export interface PanelHooks {
  /** The panel was opened; `focus` when the shopper asked for it. */
  opened(focus: boolean): void;
}

export class Panel {
  readonly root: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private unread = 0;
  isOpen = false;

  constructor(
    private readonly t: WidgetTexts,
    lang: Locale,
    parts: PanelParts,
    private readonly hooks: PanelHooks,
  ) {
    const titleId = parts.id + '-title';
    this.badge = el('span', { class: 'kefu-badge', hidden: true, 'aria-hidden': 'true' });
    this.launcher = el('button', {
      type: 'button', class: 'kefu-launcher', 'data-testid': 'chat-open',
      'aria-label': t.text('openChat'), 'aria-expanded': 'false', 'aria-controls': parts.id,
      onclick: () => this.toggle(),
    }, [icon('chat', 'kefu-icon-open'), icon('close', 'kefu-icon-close'), this.badge]);

    const header = el('header', { class: 'kefu-header' }, [
      el('div', { class: 'kefu-avatar', 'aria-hidden': 'true' }, [icon('bot')]),
      el('div', { class: 'kefu-heading' }, [
        el('h2', { class: 'kefu-title', id: titleId, text: parts.title }),
        el('p', { class: 'kefu-subtitle' }, [el('span', { class: 'kefu-dot', 'aria-hidden': 'true' }), parts.subtitle]),
      ]),
      el('button', { type: 'button', class: 'kefu-close', 'aria-label': t.text('closeChat'), title: t.text('close'), onclick: () => this.close(true) }, [icon('close')]),
    ]);

    this.panel = el('section', {
      class: 'kefu-panel', id: parts.id, role: 'dialog', 'aria-labelledby': titleId, hidden: true,
      lang: lang === 'zh' ? 'zh-CN' : 'en', 'data-testid': 'chat-panel',
    }, [header, parts.banner, parts.log, parts.composer]);
    this.panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        this.close(true);
      }
    });
    this.root = el('div', { class: 'kefu-root', hidden: true }, [this.panel, this.launcher]);
  }

  toggle(): void {
    if (this.isOpen) this.close(true);
    else this.open(true);
  }

  open(focus: boolean): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.panel.hidden = false;
    this.root.classList.add('kefu-is-open');
    document.documentElement.classList.add('kefu-lock');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.setUnread(0);
    this.hooks.opened(focus);
  }

  close(restoreFocus: boolean): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.panel.hidden = true;
    this.root.classList.remove('kefu-quiet');
    this.root.classList.remove('kefu-is-open');
    document.documentElement.classList.remove('kefu-lock');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.setUnread(0);
    if (restoreFocus) this.launcher.focus();
  }

  /** A reply arrived while the panel is closed. */
  countUnread(): void {
    if (!this.isOpen) this.setUnread(this.unread + 1);
  }

  /** Takes the panel out of the page. */
  remove(): void {
    document.documentElement.classList.remove('kefu-lock');
    this.root.remove();
  }

  private setUnread(n: number): void {
    const { t } = this;
    this.unread = n;
    this.badge.hidden = n === 0;
    this.badge.textContent = n > 9 ? '9+' : String(n);
    this.launcher.setAttribute('aria-label', this.isOpen ? t.text('closeChat') : n ? `${t.text('openChat')} (${t.unread(n)})` : t.text('openChat'));
  }
}
