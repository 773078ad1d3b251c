/**
 * @module staff/session-cookie
 * The console's session cookie `kefu_staff`: a random 32-byte token (base64url) that only the
 * browser keeps; the store keeps its SHA-256, so a copy of the database yields no live cookie.
 */
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'kefu_staff';

/** A fresh token and the hash the store keeps. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The session token of a `Cookie` header, if it has a well-formed one (43 base64url characters). */
export function sessionTokenFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    if (/^[A-Za-z0-9_-]{43}$/.test(value)) return value;
  }
  return undefined;
}

export interface CookieOptions {
  /** Lifetime in seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
  secure: boolean;
}

/**
 * The `Set-Cookie` value: HttpOnly (scripts cannot read it), SameSite=Strict (other sites cannot
 * send it), Path=/ (the API and the /staff namespace).
 * @example setCookieHeader(token, { maxAgeSeconds: 43200, secure: true })
 */
export function setCookieHeader(token: string, options: CookieOptions): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearCookieHeader(secure: boolean): string {
  return setCookieHeader('', { maxAgeSeconds: 0, secure });
}
