/**
 * @module errors
 * Typed errors with a stable code the protocol exposes (`{code, message}`).
 */

export const ErrorCodes = {
  badRequest: 'KEFU_BAD_REQUEST',
  rateLimit: 'KEFU_RATE_LIMIT',
  auth: 'KEFU_AUTH',
  forbidden: 'KEFU_FORBIDDEN',
  conflict: 'KEFU_CONFLICT',
  notFound: 'KEFU_NOT_FOUND',
  unavailable: 'KEFU_UNAVAILABLE',
  storageConflict: 'KEFU_STORAGE_CONFLICT',
  importInvalid: 'KEFU_IMPORT_INVALID',
  internal: 'KEFU_INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/**
 * An error meant to reach a caller: its `code` and `message` are safe to show.
 * @example throw new AppError(ErrorCodes.badRequest, 'text must be 1–2000 characters')
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** The `{code, message}` a client may see for any thrown value; internals stay in the log. */
export function publicError(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof AppError) return err.toJSON();
  return { code: ErrorCodes.internal, message: 'Something went wrong on our side. Please try again.' };
}
