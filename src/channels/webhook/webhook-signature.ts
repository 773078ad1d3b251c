/**
 * @module channels/webhook/webhook-signature
 * The webhook API's request signature (protocol, "Webhook API"): `X-Kefu-Signature` is
 * `sha256=` + lowercase hex HMAC-SHA256 of `{X-Kefu-Timestamp}.{METHOD}.{path}.{raw body}`,
 * keyed with `KEFU_WEBHOOK_SECRET`, where `path` is the request target exactly as it arrived in
 * the request line (query string included). The timestamp (Unix seconds) must be within 300 s of
 * the server's clock. Everything here runs on the raw bytes, before the body is parsed.
 *
 * Method and path are signed so that a request signed for one thread cannot be posted to
 * another (the first version signed `{timestamp}.{raw body}` only).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from '../../http/respond';
import { ErrorCodes } from '../../errors';

export const TIMESTAMP_HEADER = 'x-kefu-timestamp';
export const SIGNATURE_HEADER = 'x-kefu-signature';
/** How far the timestamp may be from the server's clock, either way. */
export const MAX_SKEW_SECONDS = 300;

const TIMESTAMP_PATTERN = /^\d{1,12}$/;
const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/;

/** What of the HTTP request is signed besides the body. */
export interface SignedRequest {
  headers: IncomingHttpHeaders;
  /** As in the request line; signed upper-case. */
  method: string;
  /** The request target exactly as sent (`req.url`), query string included. */
  path: string;
}

export interface VerifiedRequest {
  /** The signed Unix time, in seconds. */
  timestamp: number;
}

const unauthorized = (message: string): HttpError => new HttpError(401, ErrorCodes.auth, message);

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  // Node joins repeated unknown headers with ", "; a repeated header is as good as a wrong one.
  return typeof value === 'string' ? value : undefined;
}

/**
 * Checks both headers against method, path and raw body; answers nothing, throws a 401
 * `HttpError` instead.
 * @example verifySignature({ headers: req.headers, method: 'POST', path: req.url }, raw, secret);
 */
export function verifySignature(request: SignedRequest, raw: Buffer, secret: string, nowMs = Date.now()): VerifiedRequest {
  const stamp = header(request.headers, TIMESTAMP_HEADER);
  const given = header(request.headers, SIGNATURE_HEADER);
  if (stamp === undefined) throw unauthorized('X-Kefu-Timestamp is missing.');
  if (given === undefined) throw unauthorized('X-Kefu-Signature is missing.');
  if (!TIMESTAMP_PATTERN.test(stamp)) throw unauthorized('X-Kefu-Timestamp must be Unix time in seconds.');
  const timestamp = Number(stamp);
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) {
    throw unauthorized(`X-Kefu-Timestamp is more than ${MAX_SKEW_SECONDS} s away from the server's clock.`);
  }
  const expected = createHmac('sha256', secret).update(`${stamp}.${request.method.toUpperCase()}.${request.path}.`).update(raw).digest();
  const match = SIGNATURE_PATTERN.exec(given);
  // Both sides are 32 bytes once the format is right, so the comparison is constant-time.
  if (!match || !timingSafeEqual(Buffer.from(match[1], 'hex'), expected)) {
    throw unauthorized('X-Kefu-Signature does not match the request (timestamp, method, path and body).');
  }
  return { timestamp };
}
