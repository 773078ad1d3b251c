/**
 * @module widget/mounted-widget
 * One mounted widget, once its texts are known: it wires the connection to the log, the composer
 * and the panel, keeps the conversation id, and turns the server's activities into rows. Created
 * by `Widget` (`widget.ts`); `destroy()` undoes everything it did.
 */
import type { FeedbackPayload, SessionPayload } from '../core/chat-protocol';
import type { Role } from '../core/conversation';
import { Composer } from './composer';
import { Connection, type ConnState } from './connection';
import { ConnectionBanner } from './connection-banner';
import type { ConversationIdStore } from './conversation-id-store';
import { onReady } from './dom';
import { errorText } from './error-text';
import { loadCss } from './load-css';
import { normLocale, pick } from './locale';
import { MessageLog } from './message-log';
import { renderMessage, roleOf, suggestedActionsOf, type MessageHooks, type WireActivity } from './message-view';
import { newId } from './new-id';
import type { WidgetConfig } from './options';
import { ACK_TIMEOUT_MS, Outbox, type Turn } from './outbox';
import { Panel } from './panel';
import type { RenderContext } from './render-context';
import type { WireAction } from './suggested-actions';
import { Timers } from './timers';
import type { WidgetTexts } from './widget-texts';

/** How much history a resumed conversation shows (the server's page size). */
const HISTORY_LIMIT = 100;

export class MountedWidget {
  readonly lang: WidgetConfig['lang'];
  /** Set by the server's `session`. */
  conversationId: string | undefined;
  private readonly ctx: RenderContext;
  private readonly hooks: MessageHooks;
  private readonly timers = new Timers();
  private readonly log: MessageLog;
  private readonly banner: ConnectionBanner;
  private readonly composer: Composer;
  private readonly panel: Panel;
  private readonly conn: Connection;
  private readonly outbox: Outbox;
  /** Ids of the activities shown, so history and live events never show one twice. */
  private readonly seen = new Set<string>();
  private destroyed = false;

  constructor(
    private readonly cfg: WidgetConfig,
    version: string,
    private readonly t: WidgetTexts,
    private readonly ids: ConversationIdStore,
  ) {
    this.lang = cfg.lang;
    const title = cfg.title ? String(cfg.title) : t.text('title');
    this.log = new MessageLog(t, title, cfg.welcome || t.text('welcome'));
    this.ctx = { lang: this.lang, t, serverUrl: cfg.serverUrl, grew: () => this.log.scrollToBottom(false) };
    this.hooks = { tap: (action, label) => this.tap(action, label), feedback: (payload, onFail) => this.sendFeedback(payload, onFail) };
    this.banner = new ConnectionBanner(t);
    const panelId = 'kefu-panel-' + Math.random().toString(36).slice(2, 8);
    this.composer = new Composer(t, this.lang, panelId + '-counter', (text) => this.sendText(text));
    this.panel = new Panel(t, this.lang, {
      id: panelId,
      title,
      subtitle: cfg.subtitle ? String(cfg.subtitle) : t.text('subtitle'),
      banner: this.banner.element,
      log: this.log.element,
      composer: this.composer.element,
    }, {
      opened: (focus) => {
        this.log.scrollToBottom(true);
        if (focus) this.composer.focus();
      },
    });
    this.panel.root.setAttribute('data-kefu-version', version);
    this.conn = new Connection({
      serverUrl: cfg.serverUrl,
      path: cfg.path,
      customerToken: cfg.customerToken,
      locale: cfg.locale ? normLocale(cfg.locale) : undefined,
      ids: this.ids,
      timers: this.timers,
    }, {
      state: (state) => this.setConnState(state),
      connected: () => this.outbox.flush(),
      session: (session) => this.onSession(session),
      activity: (activity) => this.onActivity(activity, false),
      error: (error) => this.log.notice(this.errorText(error), 'error'),
      signedOut: () => this.log.notice(t.text('authExpired'), 'warn'),
    });
    this.outbox = new Outbox({
      conn: this.conn,
      log: this.log,
      timers: this.timers,
      t,
      errorText: (error) => this.errorText(error),
      alive: () => !this.destroyed,
    });
    onReady(() => this.mount());
  }

  get isOpen(): boolean {
    return this.panel.isOpen;
  }

  open(focus: boolean): void {
    this.panel.open(focus);
  }

  close(restoreFocus: boolean): void {
    this.panel.close(restoreFocus);
  }

  toggle(): void {
    this.panel.toggle();
  }

  /** Sends `text` as the shopper (cut to the server's limit) as message `id`; returns the id. */
  sendText(text: string, id = newId()): string | null {
    const s = this.composer.fit(String(text).trim());
    if (!s) return null;
    return this.sendTurn((id) => ({ event: 'message', payload: { id, text: s } }), s, id);
  }

  /** Forgets the stored conversation and starts a new one. */
  resetConversation(): void {
    this.ids.set(null);
    this.conversationId = undefined;
    this.seen.clear();
    this.outbox.clear();
    this.log.clear();
    this.conn.restart();
  }

  /** Removes the widget at once; resolves once its connection is closed (after pending acknowledgements, at most 2 s). */
  destroy(): Promise<void> {
    this.destroyed = true;
    this.timers.clear();
    this.log.hideTyping();
    this.panel.remove();
    return this.conn.close();
  }

  private mount(): void {
    if (this.destroyed) return;
    const { root } = this.panel;
    if (this.cfg.accentColor) root.style.setProperty('--kefu-accent', this.cfg.accentColor);
    // A re-init (locale switch) of an open panel should not replay the opening animation.
    if (this.cfg.reinit) root.classList.add('kefu-quiet');
    (this.cfg.container || document.body).appendChild(root);
    this.composer.update();
    // Stay hidden until styled, so the page never flashes raw markup.
    void loadCss(this.cfg.cssUrl).then(() => {
      if (this.destroyed) return;
      root.hidden = false;
      if (this.cfg.open) this.open(false);
    });
    this.timers.later(() => this.banner.endGrace(), 1500);
    this.conn.open();
  }

  private setConnState(state: ConnState): void {
    this.panel.root.setAttribute('data-connection', state);
    this.banner.show(state);
    if (state === 'reconnecting') this.log.hideTyping();
  }

  private onSession(session: SessionPayload): void {
    if (!session || typeof session.conversationId !== 'string') return;
    this.ids.set(session.conversationId);
    this.conversationId = session.conversationId;
    if (typeof session.maxTextLength === 'number' && session.maxTextLength > 0) this.composer.setMaxLength(session.maxTextLength);
    if (session.resumed) this.fetchHistory();
  }

  private fetchHistory(): void {
    this.conn.history(HISTORY_LIMIT, (res) => {
      if (this.destroyed || !res || !res.ok || !Array.isArray(res.activities)) return;
      for (const a of res.activities) this.onActivity(a, true);
      this.log.scrollToBottom(true);
    });
  }

  private onActivity(activity: WireActivity, fromHistory: boolean): void {
    if (this.destroyed || !activity || typeof activity !== 'object') return;
    let a = activity;
    if (a.type === 'typing') {
      if (!fromHistory) this.log.showTyping();
      return;
    }
    if (a.type === 'event') {
      if (a.name === 'turn.end') this.log.hideTyping();
      return;
    }
    if (a.type !== 'message') return;
    const id = a.id == null ? null : String(a.id);
    if (id && (this.seen.has(id) || this.outbox.has(id))) {
      // Already shown; if it was our own message stuck as pending/failed, it did arrive.
      this.outbox.confirm(id);
      return;
    }
    const role: Role = roleOf(a);
    const channelData = a.channelData && typeof a.channelData === 'object' ? (a.channelData as Record<string, unknown>) : {};
    // A tap comes back as the shopper's own words: the title stored with the postback.
    const tapped = role === 'user' && !a.text ? (channelData.postbackData as { title?: unknown } | undefined) : undefined;
    if (tapped && typeof tapped.title === 'string') a = { ...a, text: tapped.title };
    const hasContent = (typeof a.text === 'string' && a.text) || (Array.isArray(a.attachments) && a.attachments.length) || suggestedActionsOf(a)?.length;
    if (!hasContent) return;
    // "Agent joined / left" (channelData.agentPresence): a system line, text only.
    if (role === 'bot' && channelData.agentPresence && typeof a.text === 'string') {
      if (id) this.seen.add(id);
      this.log.notice(a.text, 'info');
      return;
    }
    if (role === 'user') this.log.clearActions();
    else this.log.hideTyping();
    const row = renderMessage(a, role, this.ctx, this.hooks);
    if (fromHistory) row.classList.add('kefu-quiet'); // a page of history should not animate row by row
    if (id) this.seen.add(id);
    this.log.appendRow(row);
    if (!fromHistory && role !== 'user') this.panel.countUnread();
  }

  /** Shows the shopper's bubble at once (pending) and emits `message` / `postback`. */
  private sendTurn(turnOf: (id: string) => Turn, display: string, id = newId()): string {
    this.log.clearActions();
    const row = renderMessage({ type: 'message', id, text: display, from: { id: 'me', role: 'user' } }, 'user', this.ctx, this.hooks);
    this.seen.add(id);
    this.log.appendRow(row);
    this.log.scrollToBottom(true);
    this.outbox.send(id, turnOf(id), row);
    return id;
  }

  private tap(action: WireAction, title: string): void {
    const display = pick(action.displayText, this.lang) || title;
    const { value } = action;
    if (action.type === 'imBack' && typeof value === 'string') {
      this.sendTurn((id) => ({ event: 'message', payload: { id, text: this.composer.fit(value) } }), display);
    } else {
      // The title travels as `data` so the stored postback can be shown again after a reload.
      const data = action.data !== undefined ? action.data : { title: display };
      this.sendTurn((id) => ({ event: 'postback', payload: { id, value: String(value ?? ''), data } }), display);
    }
    this.composer.focus();
  }

  private sendFeedback(payload: FeedbackPayload, onFail?: () => void): void {
    if (!this.conn.ready) {
      onFail?.();
      return;
    }
    let done = false;
    const fail = (): void => {
      onFail?.();
      this.log.notice(this.t.text('feedbackFailed'), 'warn');
    };
    const timer = this.timers.later(() => {
      if (done) return;
      done = true;
      fail();
    }, ACK_TIMEOUT_MS);
    this.conn.feedback(payload, (res) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (!res || !res.ok) fail();
    });
  }

  private errorText(error: Parameters<typeof errorText>[0]): string {
    return errorText(error, this.t, this.lang);
  }
}
