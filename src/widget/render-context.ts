/**
 * @module widget/render-context
 * What every renderer of server data needs: the language, its strings, the server's URL for
 * relative links, and a way to keep the log scrolled when something grows.
 */
import type { Locale } from '../core/shop';
import type { WidgetTexts } from './widget-texts';

export interface RenderContext {
  lang: Locale;
  t: WidgetTexts;
  /** Base of relative links and images. */
  serverUrl: string;
  /** Something already shown grew (an image loaded): keep the log at the bottom if it was. */
  grew(): void;
}

/**
 * A protocol shape as it arrives over the wire: the field names are the protocol's (a renamed
 * field fails to compile here), every value is untrusted until checked.
 */
export type Wire<T> = { readonly [K in keyof T]?: unknown };
