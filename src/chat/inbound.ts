/**
 * @module chat/inbound
 * Validation of what clients send, at the boundary: only plain strings of bounded size get in;
 * objects such as `{"$gt": ""}` or `__proto__` keys are refused, never interpreted.
 */
import { AppError, ErrorCodes } from '../errors';
import { jsonWithin } from './json-bounds';

export interface InboundMessage {
  kind: 'message' | 'postback';
  /** The client's id for idempotency, if it gave one. */
  clientId?: string;
  text?: string;
  value?: string;
  data?: unknown;
  /** The connection it came from, set by the channel (never read from the client): `channelData.session`. */
  session?: string;
}

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_DATA_BYTES = 4096;
/** A card's postback data is a few flat fields; 16 levels leave room and keep every later step shallow. */
const MAX_DATA_DEPTH = 16;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const bad = (message: string): AppError => new AppError(ErrorCodes.badRequest, message);

function clientIdOf(payload: Record<string, unknown>): string | undefined {
  if (payload.id === undefined || payload.id === null) return undefined;
  if (typeof payload.id !== 'string' || !ID_PATTERN.test(payload.id)) {
    throw bad('id must be 1–128 characters of letters, digits, ".", "_", ":" or "-"');
  }
  return payload.id;
}

/** `message` payload: `{id?, text}` with text of 1–`maxLength` characters. */
export function parseMessage(payload: unknown, maxLength: number): InboundMessage {
  if (!isPlainObject(payload)) throw bad('message must be an object {id?, text}');
  const clientId = clientIdOf(payload);
  const { text } = payload;
  if (typeof text !== 'string') throw bad('text must be a string');
  const length = [...text].length;
  if (text.trim().length === 0) throw bad('text is empty');
  if (length > maxLength) throw bad(`text is ${length} characters; the limit is ${maxLength}`);
  return { kind: 'message', clientId, text };
}

/**
 * Postback `data`: any JSON of at most `MAX_DATA_DEPTH` levels and `MAX_DATA_BYTES` serialised.
 * Measured without recursion first (each value is at least one byte of JSON, so more values than
 * bytes is too large already): only a shallow value reaches `JSON.stringify`.
 */
function checkData(data: unknown): void {
  const verdict = jsonWithin(data, { maxDepth: MAX_DATA_DEPTH, maxNodes: MAX_DATA_BYTES });
  if (verdict === 'tooDeep') throw bad(`data is nested more than ${MAX_DATA_DEPTH} levels deep`);
  if (verdict === 'tooLarge' || JSON.stringify(data).length > MAX_DATA_BYTES) throw bad(`data is larger than ${MAX_DATA_BYTES} bytes`);
}

/** `postback` payload: `{id?, value, data?}`. */
export function parsePostback(payload: unknown): InboundMessage {
  if (!isPlainObject(payload)) throw bad('postback must be an object {id?, value, data?}');
  const clientId = clientIdOf(payload);
  const { value, data } = payload;
  if (typeof value !== 'string' || value.length === 0 || value.length > 500) {
    throw bad('value must be a string of 1–500 characters');
  }
  if (data !== undefined) checkData(data);
  return { kind: 'postback', clientId, value, data };
}

export function parseHistoryRequest(payload: unknown): { before?: string; limit?: number } {
  if (payload === undefined || payload === null) return {};
  if (!isPlainObject(payload)) throw bad('history takes {before?, limit?}');
  const out: { before?: string; limit?: number } = {};
  if (payload.before !== undefined) {
    if (typeof payload.before !== 'string' || !ID_PATTERN.test(payload.before)) throw bad('before must be an activity id');
    out.before = payload.before;
  }
  if (payload.limit !== undefined) {
    if (typeof payload.limit !== 'number' || !Number.isInteger(payload.limit) || payload.limit < 1) {
      throw bad('limit must be a positive integer');
    }
    out.limit = Math.min(payload.limit, 100);
  }
  return out;
}

export function parseFeedback(payload: unknown): { activityId: string; rating: 'up' | 'down'; comment?: string } {
  if (!isPlainObject(payload)) throw bad('feedback takes {activityId, rating, comment?}');
  const { activityId, rating, comment } = payload;
  if (typeof activityId !== 'string' || !ID_PATTERN.test(activityId)) throw bad('activityId must be an activity id');
  if (rating !== 'up' && rating !== 'down') throw bad('rating must be "up" or "down"');
  if (comment !== undefined && (typeof comment !== 'string' || comment.length > 1000)) {
    throw bad('comment must be a string of at most 1000 characters');
  }
  return { activityId, rating, ...(comment !== undefined ? { comment: comment as string } : {}) };
}
