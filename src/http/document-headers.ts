/**
 * @module http/document-headers
 * The headers of the HTML pages kefu serves itself (the demo shop `/` and the staff console
 * `/console/`): a Content-Security-Policy that runs only kefu's own scripts and styles, and
 * those inline in the page by their SHA-256 hash (computed from the file as served, so editing
 * the page cannot silently widen the policy), and no framing by any other page (clickjacking of
 * the console). Scripts and stylesheets themselves (`/widget/kefu-widget.js`) get none of this:
 * shops embed the widget into their own pages, under their own policy.
 *
 * Product images come from the shop's image host (any https URL in the catalogue), and the
 * socket.io connection goes to this same origin ('self' covers ws: and wss: in CSP Level 3).
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The five entities attribute values commonly use; a hash is over the value as the browser reads it. */
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };
const decodeAttribute = (value: string): string => value.replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e]);

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Hashes of what the page runs inline: `<script>` bodies (not `src=` ones), `<style>` bodies, `style="…"` values. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[]; styleAttributes: string[] } {
  const scripts = [...html.matchAll(SCRIPT)].filter((m) => !/\bsrc\s*=/i.test(m[1]) && m[2].length > 0).map((m) => sha256(m[2]));
  const styles = [...html.matchAll(STYLE)].map((m) => sha256(m[1]));
  const markup = html.replace(SCRIPT, '').replace(STYLE, '').replace(COMMENT, '');
  const styleAttributes = [...markup.matchAll(STYLE_ATTRIBUTE)].map((m) => sha256(decodeAttribute(m[1] ?? m[2])));
  const unique = (list: string[]): string[] => [...new Set(list)];
  return { scripts: unique(scripts), styles: unique(styles), styleAttributes: unique(styleAttributes) };
}

/**
 * The Content-Security-Policy of one HTML page.
 * @example contentSecurityPolicy('<script>go()</script>') // "default-src 'self'; script-src 'self' 'sha256-…'; …"
 */
export function contentSecurityPolicy(html: string): string {
  const { scripts, styles, styleAttributes } = inlineHashes(html);
  // 'unsafe-hashes' lets exactly the hashed style="…" values apply, not any inline style.
  const styleSrc = ["'self'", ...styles, ...(styleAttributes.length > 0 ? ["'unsafe-hashes'", ...styleAttributes] : [])];
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scripts].join(' '),
    ['style-src', ...styleSrc].join(' '),
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers of an HTML page beside the shared ones (`nosniff`, `Referrer-Policy`). */
export function documentHeaders(html: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(html),
    // frame-ancestors for browsers that know CSP, this for those that do not.
    'X-Frame-Options': 'DENY',
  };
}
