/**
 * @module test/helpers/webhook-client
 * An integration calling the webhook API over real HTTP: signs each request as the protocol
 * says (`{timestamp}.{METHOD}.{path}.{raw body}`, written here from the protocol, independently
 * of the server's code), and can send one prepared request twice to replay it.
 * @example const hook = new WebhookClient(server.url, SECRET); const r = await hook.post('t1', { id: 'm1', text: 'hi' });
 */
import { createHmac } from 'node:crypto';
import type { ChatActivity } from '../../src/core/conversation';

export interface PreparedRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface PrepareOptions {
  /** Unix seconds. @default now */
  timestamp?: number;
  /** Signs with this secret instead of the client's. */
  secret?: string;
  /** Signs this body but sends the real one (a tampered request). */
  signedBody?: string;
  /** Signs this path but sends the real one (a request moved to another thread). */
  signedPath?: string;
  /** Signs this method instead of POST. */
  signedMethod?: string;
  /** Leaves a header out. */
  omit?: 'timestamp' | 'signature';
}

export interface WebhookAnswer {
  status: number;
  body: { conversationId?: string; replies?: ChatActivity[]; error?: { code: string; message: string } };
}

/** `sha256=` + hex HMAC-SHA256 of `{timestamp}.{METHOD}.{path}.{body}`. */
export function webhookSignature(secret: string, timestamp: number | string, path: string, body: string, method = 'POST'): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${method}.${path}.${body}`).digest('hex');
}

/** The request target of a thread's messages, as the client sends it. */
export const messagesPath = (conversationId: string): string => `/api/v1/conversations/${encodeURIComponent(conversationId)}/messages`;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export class WebhookClient {
  constructor(
    readonly baseUrl: string,
    readonly secret: string,
  ) {}

  /** A signed request; `body` is sent as is when it is a string, else as JSON. */
  prepare(conversationId: string, body: unknown, options: PrepareOptions = {}): PreparedRequest {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? nowSeconds();
    const path = messagesPath(conversationId);
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (options.omit !== 'timestamp') headers['X-Kefu-Timestamp'] = String(timestamp);
    if (options.omit !== 'signature') {
      const secret = options.secret ?? this.secret;
      headers['X-Kefu-Signature'] = webhookSignature(secret, timestamp, options.signedPath ?? path, options.signedBody ?? text, options.signedMethod);
    }
    return { path, body: text, headers };
  }

  async send(request: PreparedRequest): Promise<WebhookAnswer> {
    const res = await fetch(this.baseUrl + request.path, { method: 'POST', headers: request.headers, body: request.body });
    const raw = await res.text();
    let body: WebhookAnswer['body'];
    try {
      body = JSON.parse(raw) as WebhookAnswer['body'];
    } catch {
      body = { error: { code: 'NOT_JSON', message: raw } };
    }
    return { status: res.status, body };
  }

  post(conversationId: string, body: unknown, options: PrepareOptions = {}): Promise<WebhookAnswer> {
    return this.send(this.prepare(conversationId, body, options));
  }
}

/** Card contents of one kind in a webhook answer's replies. */
export function webhookCards(answer: WebhookAnswer, kind: 'order' | 'product' | 'faq'): Record<string, unknown>[] {
  return (answer.body.replies ?? []).flatMap((m) =>
    (m.attachments ?? []).filter((a) => a.contentType === `application/vnd.kefu.${kind}+json`).map((a) => a.content),
  );
}
