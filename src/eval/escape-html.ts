/**
 * @module eval/escape-html
 * Escapes text for HTML and SVG (element content and quoted attributes): intent names and
 * utterances come from user files and must never become markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** @example escapeHtml('<script>') // '&lt;script&gt;' */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
