/**
 * @module staff/staff-error
 * Console API errors in both languages: `message` (English) and `zh` (Chinese); the console shows
 * the one of its UI language, and a client that knows only `message` still gets a sentence.
 */
import { HttpError } from '../http/respond';

/**
 * @example throw staffError(409, 'KEFU_CONFLICT', 'Already taken by Li.', '已由 Li 接管。', { holder })
 */
export function staffError(status: number, code: string, en: string, zh: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, code, en, { ...extra, zh });
}

export const notLoggedIn = (): HttpError => staffError(401, 'KEFU_AUTH', 'Please log in.', '请先登录。');
export const wrongLogin = (): HttpError => staffError(401, 'KEFU_AUTH', 'Wrong name or password.', '用户名或密码错误。');
export const adminOnly = (): HttpError => staffError(403, 'KEFU_FORBIDDEN', 'Only an admin may do this.', '只有管理员可以执行此操作。');
export const badRequest = (en: string, zh: string): HttpError => staffError(400, 'KEFU_BAD_REQUEST', en, zh);
export const notFound = (en: string, zh: string): HttpError => staffError(404, 'KEFU_NOT_FOUND', en, zh);
