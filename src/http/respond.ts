/**
 * @module http/respond
 * JSON responses and the error shape every HTTP API shares: `{error: {code, message}}`.
 */
import type { ServerResponse } from 'node:http';
import { AppError, ErrorCodes, publicError } from '../errors';
import { storeFailureOf } from '../storage/store-failure';
import { SECURITY_HEADERS } from './static-files';

const STORE_UNAVAILABLE = 'The data store is not available right now. Please try again shortly.';

/** An error with the HTTP status to answer with. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** More fields for the error object, e.g. `holder` of a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const STATUS_OF_CODE: Record<string, number> = {
  [ErrorCodes.badRequest]: 400,
  [ErrorCodes.auth]: 401,
  [ErrorCodes.forbidden]: 403,
  [ErrorCodes.conflict]: 409,
  [ErrorCodes.notFound]: 404,
  [ErrorCodes.rateLimit]: 429,
  [ErrorCodes.unavailable]: 503,
};

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(json);
}

/** The HTTP status an error is answered with: 4xx for what the caller got wrong, else 5xx. */
export function statusOf(err: unknown): number {
  if (err instanceof HttpError) return err.status;
  if (!(err instanceof AppError) && storeFailureOf(err) === 'unavailable') return 503;
  return err instanceof AppError ? (STATUS_OF_CODE[publicError(err).code] ?? 400) : 500;
}

/** Answers with the error's status and `{error: {code, message}}`; internals stay in the log. */
export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof HttpError) {
    sendJson(res, err.status, { error: { ...err.extra, code: err.code, message: err.message } });
    return;
  }
  // A store's own error (SQLITE_BUSY, a full disk, a lost MongoDB connection) says "try again", not "bug".
  const shown = !(err instanceof AppError) && storeFailureOf(err) === 'unavailable' ? new AppError(ErrorCodes.unavailable, STORE_UNAVAILABLE) : err;
  sendJson(res, statusOf(shown), { error: publicError(shown) });
}
