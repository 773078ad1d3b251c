/**
 * @module chat/rate-limit-error
 * `KEFU_RATE_LIMIT` with the time the client should wait: its JSON (what acks, `error` events
 * and `connect_error` data carry) is `{code, message, retryAfterMs}`.
 */
import { AppError, ErrorCodes } from '../errors';

export class RateLimitError extends AppError {
  constructor(
    message: string,
    /** Milliseconds until the same request would be accepted. */
    readonly retryAfterMs: number,
  ) {
    super(ErrorCodes.rateLimit, message);
  }

  override toJSON(): { code: typeof ErrorCodes.rateLimit; message: string; retryAfterMs: number } {
    return { code: ErrorCodes.rateLimit, message: this.message, retryAfterMs: this.retryAfterMs };
  }
}
