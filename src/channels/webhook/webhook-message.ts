/**
 * @module channels/webhook/webhook-message
 * The webhook API's request body, `{id, text}` or `{id, postback: {value, data?}}` with optional
 * `customerToken` and `locale`, validated with the same rules as the socket protocol
 * (`chat/inbound`). Unknown fields (`__proto__` included) and non-string values (`{"$gt": ""}`)
 * are refused with a 400, never interpreted.
 */
import { parseMessage, parsePostback, type InboundMessage } from '../../chat/inbound';
import type { Locale } from '../../core/shop';
import { AppError, ErrorCodes } from '../../errors';

export interface WebhookMessage {
  /** The message, with the integration's id (required here: it is what makes retries safe). */
  inbound: InboundMessage & { clientId: string };
  customerToken?: string;
  locale?: Locale;
}

/** The integration's id of the shopper's thread, and of each message. */
export const WEBHOOK_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

const FIELDS = new Set(['id', 'text', 'postback', 'customerToken', 'locale']);
const POSTBACK_FIELDS = new Set(['value', 'data']);

const bad = (message: string): AppError => new AppError(ErrorCodes.badRequest, message);

function refuseUnknown(object: Record<string, unknown>, allowed: Set<string>, where: string): void {
  const unknown = Object.keys(object).find((key) => !allowed.has(key));
  if (unknown !== undefined) throw bad(`${where}: unknown field ${JSON.stringify(unknown.slice(0, 40))}`);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * @throws AppError `KEFU_BAD_REQUEST` naming the first problem.
 * @example parseWebhookMessage({ id: 'm1', text: '你好' }, 2000)
 */
export function parseWebhookMessage(body: Record<string, unknown>, maxTextLength: number): WebhookMessage {
  refuseUnknown(body, FIELDS, 'body');
  if (body.id === undefined || body.id === null) throw bad('id is required (the message id makes a retry safe)');
  const hasText = body.text !== undefined;
  const hasPostback = body.postback !== undefined;
  if (hasText === hasPostback) throw bad('send either text or postback');
  let inbound: InboundMessage;
  if (hasText) {
    inbound = parseMessage({ id: body.id, text: body.text }, maxTextLength);
  } else {
    if (!isPlainObject(body.postback)) throw bad('postback must be an object {value, data?}');
    refuseUnknown(body.postback, POSTBACK_FIELDS, 'postback');
    inbound = parsePostback({ id: body.id, value: body.postback.value, data: body.postback.data });
  }
  const out: WebhookMessage = { inbound: inbound as WebhookMessage['inbound'] };
  const { customerToken, locale } = body;
  if (customerToken !== undefined && customerToken !== null) {
    if (typeof customerToken !== 'string' || customerToken.length === 0) throw bad('customerToken must be a non-empty string');
    out.customerToken = customerToken;
  }
  if (locale !== undefined && locale !== null) {
    if (locale !== 'zh' && locale !== 'en') throw bad('locale must be "zh" or "en"');
    out.locale = locale;
  }
  return out;
}
