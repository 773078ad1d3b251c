/**
 * @module widget/options
 * The widget's options: what `KefuWidget.init` takes, and the defaults read from the `<script>`
 * tag that loaded it (`data-server`, `data-locale`, `data-open`, `data-title`, `data-subtitle`,
 * `data-accent`, `data-auto-init`).
 */
import type { Locale } from '../core/shop';

export interface KefuWidgetOptions {
  /** kefu server. @default the origin of the script tag */
  serverUrl?: string;
  /** 'zh' | 'en' (any zh-* / en-* tag), sent in the handshake. @default navigator.language for the UI, nothing sent */
  locale?: string;
  /** JWT of a signed-in shopper (see the protocol). */
  customerToken?: string;
  /** Open the panel at start. @default false */
  open?: boolean;
  /** Header title. @default "智能客服" / "Shop assistant" */
  title?: string;
  /** Header subtitle. */
  subtitle?: string;
  /** Greeting shown at the top of the log. */
  welcome?: string;
  /** CSS colour for --kefu-accent. */
  accentColor?: string;
  /** Stylesheet; false: the page styles it. @default kefu-widget.css next to the script */
  cssUrl?: string | false;
  /** socket.io path. @default '/socket.io' */
  path?: string;
  /** Where to mount. @default document.body */
  container?: HTMLElement;
}

/** The options of one mounted widget, resolved. */
export interface WidgetConfig extends KefuWidgetOptions {
  serverUrl: string;
  lang: Locale;
  open: boolean;
  /** A re-init (locale switch): an open panel does not replay its opening animation. */
  reinit: boolean;
}

export interface ScriptDefaults extends KefuWidgetOptions {
  /** Initialise on DOMContentLoaded without a call. */
  autoInit: boolean;
}

/** Defaults read from the `<script>` tag that loaded the widget; call while it runs. */
export function scriptDefaults(): ScriptDefaults {
  const s = (document.currentScript as HTMLScriptElement | null) || document.querySelector<HTMLScriptElement>('script[src*="kefu-widget.js"]');
  if (!s) return { autoInit: false };
  const src = s.src ? new URL(s.src, window.location.href) : null;
  const d = s.dataset;
  const out: ScriptDefaults = {
    autoInit: d.autoInit !== 'false' && !!src,
    serverUrl: d.server || (src ? src.origin : window.location.origin),
    cssUrl: src ? new URL('kefu-widget.css' + src.search, src).href : undefined,
  };
  if (d.locale) out.locale = d.locale;
  if (d.open) out.open = d.open === 'true';
  if (d.title) out.title = d.title;
  if (d.subtitle) out.subtitle = d.subtitle;
  if (d.accent) out.accentColor = d.accent;
  return out;
}

