/**
 * @module auth/customer-token
 * The `customerToken` of the handshake: an HS256 JWT whose `sub` is the shop's customer id.
 * Verified with node:crypto and decoded strictly, because a token signs a shopper in to their
 * orders: exactly three canonical base64url segments, a header of `alg: HS256` (and optionally
 * `typ: JWT`) and nothing else, a 32-byte signature compared in constant time before any claim is
 * read, an integer `exp` no further ahead than the shop allows (so a leaked token cannot live
 * for ever), and a bounded `sub`. Every refusal is `KEFU_AUTH` saying why.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCodes } from '../errors';

export interface CustomerClaims {
  customerId: string;
}

export interface VerifyOptions {
  /**
   * The longest lifetime accepted: `exp` at most this far after now (and after `iat`, when given).
   * `KEFU_CUSTOMER_TOKEN_MAX_HOURS` in the config.
   * @default 86400 (24 hours)
   */
  maxLifetimeSeconds?: number;
  /** @default Date.now() */
  now?: number;
}

export const DEFAULT_MAX_LIFETIME_SECONDS = 24 * 3600;
/** Clocks of the shop's back end and kefu may differ this much. */
const CLOCK_SKEW_SECONDS = 60;
const MAX_TOKEN_LENGTH = 4096;
/** Longest customer id accepted in `sub`. */
export const MAX_SUBJECT_LENGTH = 256;
/** Exactly three base64url segments: no padding, no whitespace, nothing after the signature. */
const SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;
const HEADER_KEYS = new Set(['alg', 'typ']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

const refuse = (why: string): AppError => new AppError(ErrorCodes.auth, `customerToken refused: ${why}`);

/** The bytes of a base64url segment, or null unless it is the canonical spelling of them (no stray bits). */
function canonicalBytes(segment: string): Buffer | null {
  const bytes = Buffer.from(segment, 'base64url');
  return bytes.toString('base64url') === segment ? bytes : null;
}

function decodeObject(segment: string, what: string): Record<string, unknown> {
  const bytes = canonicalBytes(segment);
  if (!bytes) throw refuse(`${what} is not base64url`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuse(`${what} is not JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** An optional NumericDate claim: absent, or integer seconds. */
function seconds(payload: Record<string, unknown>, claim: 'exp' | 'iat' | 'nbf'): number | undefined {
  if (!Object.hasOwn(payload, claim)) return undefined;
  const value = payload[claim];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw refuse(`${claim} must be a whole number of seconds`);
  return value;
}

/**
 * @throws AppError `KEFU_AUTH` when there is no secret, the token is malformed, the signature is
 *   wrong, `exp` is missing or too far ahead, or the token expired or is not valid yet.
 * @example verifyCustomerToken(token, config.shopSecret, { maxLifetimeSeconds: config.customerTokenMaxHours * 3600 })
 */
export function verifyCustomerToken(token: unknown, secret: string | undefined, options: VerifyOptions = {}): CustomerClaims {
  if (!secret) throw refuse('this shop does not accept sign-in tokens');
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw refuse('malformed');
  const parts = SHAPE.exec(token);
  if (!parts) throw refuse('malformed (three base64url segments expected)');
  const [, headerPart, payloadPart, signaturePart] = parts;
  // The algorithm is read before the signature so that `alg: none` or HS512 is told why.
  const header = decodeObject(headerPart, 'header');
  if (header.alg !== 'HS256') throw refuse('only HS256 is accepted');
  const given = canonicalBytes(signaturePart);
  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  // An HS256 signature is exactly 32 bytes in its canonical 43 characters: junk after it is refused.
  if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('bad signature');
  if (Object.keys(header).some((key) => !HEADER_KEYS.has(key)) || (Object.hasOwn(header, 'typ') && header.typ !== 'JWT')) {
    throw refuse('the header may hold only alg HS256 and typ JWT');
  }
  const payload = decodeObject(payloadPart, 'payload');
  return { customerId: checkClaims(payload, options) };
}

function checkClaims(payload: Record<string, unknown>, options: VerifyOptions): string {
  const now = (options.now ?? Date.now()) / 1000;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const exp = seconds(payload, 'exp');
  const iat = seconds(payload, 'iat');
  const nbf = seconds(payload, 'nbf');
  if (exp === undefined) throw refuse('exp is required');
  if (now > exp + CLOCK_SKEW_SECONDS) throw refuse('expired');
  if (exp - now > maxLifetime + CLOCK_SKEW_SECONDS) throw refuse(`lives longer than the ${maxLifetime} s this shop allows`);
  if (iat !== undefined && iat > now + CLOCK_SKEW_SECONDS) throw refuse('issued in the future');
  if (iat !== undefined && exp - iat > maxLifetime) throw refuse(`lives longer than the ${maxLifetime} s this shop allows`);
  if (nbf !== undefined && now < nbf - CLOCK_SKEW_SECONDS) throw refuse('not valid yet');
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0) throw refuse('no subject');
  if (sub.length > MAX_SUBJECT_LENGTH || CONTROL.test(sub)) throw refuse(`sub must be at most ${MAX_SUBJECT_LENGTH} characters without control characters`);
  return sub;
}

/**
 * Signs a token (used by shops' back ends in their own code, by tests and by the demo).
 * @example signCustomerToken('C001', secret, 3600)
 */
export function signCustomerToken(customerId: string, secret: string, expiresInSeconds = 3600, now = Date.now()): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const iat = Math.floor(now / 1000);
  const payload = encode({ sub: customerId, iat, exp: iat + expiresInSeconds });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
