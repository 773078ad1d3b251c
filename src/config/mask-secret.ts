/**
 * @module config/mask-secret
 * What `kefu config` shows of a secret: nothing of a secret value, and a MongoDB URI with its
 * password (and any password-, secret- or token-like query parameter) hidden, so the host and
 * database stay readable.
 */
import type { AnySetting } from './settings';

export const MASK = '********';

/** @example maskUriPassword('mongodb://kefu:pw@db:27017/kefu') // 'mongodb://kefu:********@db:27017/kefu' */
export function maskUriPassword(uri: string): string {
  // The user info cannot hold a raw '@' or '/' (they must be percent-encoded), so the first '@'
  // before the path ends it.
  const withoutPassword = uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, `$1${MASK}@`);
  return withoutPassword.replace(/([?&][^=&#]*(?:password|secret|token)[^=&#]*=)[^&#]*/gi, `$1${MASK}`);
}

/** The value as it may be shown; `undefined` stays unset. */
export function maskSecret(setting: AnySetting, value: unknown): unknown {
  if (value === undefined || !setting.secret) return value;
  return setting.secret === 'uri-password' ? maskUriPassword(String(value)) : MASK;
}
