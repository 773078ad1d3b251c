/**
 * @module channels/wechat/wechat-signature
 * WeChat's request signature (服务器配置): the SHA-1 hex digest of the token, `timestamp` and
 * `nonce` sorted as strings and joined. In plain-text mode it covers only those three values,
 * not the body; the encrypted mode (安全模式, `msg_signature`) is not supported. Because of that,
 * a signed query is only accepted while its `timestamp` is near the server's clock (a query read
 * from a log later signs nothing), and `signature-bindings` ties it to the one message it came with.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Longest `timestamp` or `nonce` looked at; WeChat's are about ten digits. */
const MAX_PARAM_LENGTH = 64;
const SIGNATURE = /^[0-9a-f]{40}$/;
const TIMESTAMP = /^[0-9]{1,12}$/;
/** How far a signed `timestamp` may be from the server's clock, either way (as the webhook API). */
export const MAX_SKEW_SECONDS = 300;

/** @example wechatSignature('token', '1700000000', '42') // 40 hex digits */
export function wechatSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

/** Whether the query's `signature` is the one for its `timestamp` and `nonce`; compared in constant time. */
export function hasValidWechatSignature(token: string, query: URLSearchParams): boolean {
  const signature = (query.get('signature') ?? '').toLowerCase();
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!SIGNATURE.test(signature) || !timestamp || !nonce) return false;
  if (timestamp.length > MAX_PARAM_LENGTH || nonce.length > MAX_PARAM_LENGTH) return false;
  const expected = Buffer.from(wechatSignature(token, timestamp, nonce), 'utf8');
  return timingSafeEqual(expected, Buffer.from(signature, 'utf8'));
}

/** The query's `timestamp` in Unix seconds when it is within `MAX_SKEW_SECONDS` of `nowMs`, else undefined. */
export function freshWechatTimestamp(query: URLSearchParams, nowMs = Date.now()): number | undefined {
  const timestamp = query.get('timestamp') ?? '';
  if (!TIMESTAMP.test(timestamp)) return undefined;
  const seconds = Number(timestamp);
  return Math.abs(nowMs / 1000 - seconds) <= MAX_SKEW_SECONDS ? seconds : undefined;
}
