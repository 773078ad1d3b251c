/**
 * @module widget
 *
 * The kefu chat widget: a launcher button and a chat panel, a client of the socket.io namespace
 * `/chat` (`core/chat-protocol`, the module the server uses). esbuild bundles these modules into
 * one IIFE, `public/widget/kefu-widget.js` (`npm run build:widget`), whose one global is
 * `window.KefuWidget`.
 *
 * @example <caption>One script tag (auto-initialises on DOMContentLoaded)</caption>
 * <script src="https://shop.example/widget/kefu-widget.js"
 *         data-server="https://shop.example" data-locale="zh"></script>
 *
 * @example <caption>Programmatic</caption>
 * KefuWidget.init({ serverUrl: 'https://shop.example', locale: 'en', customerToken: jwt, open: true });
 * KefuWidget.setLocale('zh');       // re-initialises, the conversation resumes
 * KefuWidget.send('转人工');         // opens the panel and sends a message
 *
 * Security: every piece of data from the server (text, card fields, action titles, error
 * messages) is inserted with textContent / createTextNode, never as HTML (`dom.ts`); links and
 * images are only made for http: and https: URLs (`safe-url.ts`).
 */
import { version as VERSION } from '../../package.json';
import { onReady } from './dom';
import { normLocale } from './locale';
import { scriptDefaults, type KefuWidgetOptions, type WidgetConfig } from './options';
import { trimSlash } from './safe-url';
import { Widget } from './widget';

export interface KefuWidgetApi {
  readonly version: string;
  /** (Re)creates the widget; previous options are kept unless overridden. */
  init(options?: KefuWidgetOptions): KefuWidgetApi;
  /** Switches the UI and handshake locale; the conversation resumes. */
  setLocale(locale: string): KefuWidgetApi;
  open(): void;
  close(): void;
  toggle(): void;
  /** Opens the panel and sends `text` as the shopper; returns the message id. */
  send(text: string): string | null;
  /** Forgets the stored conversation and starts a new one. */
  resetConversation(): void;
  getConversationId(): string | null;
  getLocale(): string | null;
  /** Removes the widget; resolves once its connection is closed (after pending acknowledgements, at most 2 s). */
  destroy(): Promise<void>;
}

declare global {
  interface Window {
    KefuWidget?: KefuWidgetApi;
  }
}

function install(): void {
  const fromScript = scriptDefaults();
  let autoInitPending = fromScript.autoInit;
  let instance: Widget | null = null;
  let options: KefuWidgetOptions = {};

  const api: KefuWidgetApi = {
    version: VERSION,

    init(opts) {
      autoInitPending = false;
      const given: KefuWidgetOptions = { ...opts };
      // `open` is a start state, not a lasting option: a re-init keeps the current state.
      const open = given.open !== undefined ? !!given.open : instance ? instance.isOpen : !!fromScript.open;
      const reinit = !!instance;
      delete given.open;
      if (instance) void instance.destroy();
      options = { ...options, ...given };
      const { autoInit: _autoInit, ...defaults } = fromScript;
      const merged = { ...defaults, ...options };
      const cfg: WidgetConfig = {
        ...merged,
        open,
        reinit,
        serverUrl: trimSlash(new URL(merged.serverUrl || window.location.origin, window.location.href).href),
        lang: normLocale(merged.locale || navigator.language),
      };
      instance = new Widget(cfg, VERSION);
      return api;
    },

    setLocale(locale) {
      return api.init({ locale });
    },

    open() {
      instance?.open(true);
    },
    close() {
      instance?.close(false);
    },
    toggle() {
      instance?.toggle();
    },

    send(text) {
      if (!instance) return null;
      instance.open(false);
      return instance.sendText(text);
    },

    resetConversation() {
      instance?.resetConversation();
    },

    getConversationId() {
      return instance ? instance.conversationId || instance.ids.get() : null;
    },
    getLocale() {
      return instance ? instance.lang : null;
    },

    destroy() {
      autoInitPending = false;
      const closing = instance ? instance.destroy() : Promise.resolve();
      instance = null;
      return closing;
    },
  };

  window.KefuWidget = api;
  if (autoInitPending) {
    onReady(() => {
      if (autoInitPending) api.init();
    });
  }
}

if (!window.KefuWidget?.version) install(); // else loaded twice: the first copy stays
