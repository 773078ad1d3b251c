/**
 * @module auth/customer-token
 * The `customerToken` of the handshake: an HS256 JWT whose `sub` is the shop's customer id.
 * Verified with node:crypto; only HS256 is accepted (no `alg: none`, no algorithm confusion).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCodes } from '../errors';

export interface CustomerClaims {
  customerId: string;
}

const CLOCK_SKEW_SECONDS = 60;

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function decodeJson(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

const refuse = (why: string): AppError => new AppError(ErrorCodes.auth, `customerToken refused: ${why}`);

/**
 * @throws AppError `KEFU_AUTH` when there is no secret, the signature is wrong, or it expired.
 * @example verifyCustomerToken(token, process.env.KEFU_SHOP_SECRET)
 */
export function verifyCustomerToken(token: string, secret: string | undefined, now = Date.now()): CustomerClaims {
  if (!secret) throw refuse('this shop does not accept sign-in tokens');
  if (typeof token !== 'string' || token.length > 4096) throw refuse('malformed');
  const parts = token.split('.');
  if (parts.length !== 3) throw refuse('malformed');
  const [headerPart, payloadPart, signaturePart] = parts;
  let header: Record<string, unknown>;
  let payload: Record<string, unknown>;
  try {
    header = decodeJson(headerPart);
    payload = decodeJson(payloadPart);
  } catch {
    throw refuse('malformed');
  }
  if (header.alg !== 'HS256') throw refuse('only HS256 is accepted');
  const expected = createHmac('sha256', secret).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('bad signature');
  const seconds = now / 1000;
  if (typeof payload.exp === 'number' && seconds > payload.exp + CLOCK_SKEW_SECONDS) throw refuse('expired');
  if (typeof payload.nbf === 'number' && seconds < payload.nbf - CLOCK_SKEW_SECONDS) throw refuse('not valid yet');
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw refuse('no subject');
  return { customerId: payload.sub };
}

/**
 * Signs a token (used by shops' back ends in their own code, by tests and by the demo).
 * @example signCustomerToken('C001', secret, 3600)
 */
export function signCustomerToken(customerId: string, secret: string, expiresInSeconds = 3600, now = Date.now()): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const iat = Math.floor(now / 1000);
  const payload = base64url(JSON.stringify({ sub: customerId, iat, exp: iat + expiresInSeconds }));
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
