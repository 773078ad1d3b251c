/**
 * @module widget/safe-url
 * Only http: and https: URLs from the server become links or images: javascript:, data: and
 * friends never do.
 */

/** @example safeUrl('javascript:alert(1)') // null */
export function safeUrl(raw: unknown, base?: string): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  try {
    const u = new URL(raw.trim(), base || window.location.href);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** @example trimSlash('https://shop.example/') // 'https://shop.example' */
export function trimSlash(url: unknown): string {
  return String(url || '').replace(/\/+$/, '');
}
