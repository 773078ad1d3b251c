/**
 * @module channels/botframework/buffered-response
 * What `CloudAdapter.process` writes to (Express/Restify's `status`, `header`, `send`, `end`),
 * kept until the adapter is done, so the route decides how it reaches node's `ServerResponse`:
 * errors in kefu's `{error: {code, message}}` shape, botbuilder's reason in the log only.
 */
import type { Response } from 'botbuilder';

export class BufferedResponse implements Response {
  /** Always null: this response is not a socket upgrade. */
  readonly socket = null;
  statusCode = 200;
  body: unknown = undefined;
  readonly headers: Record<string, string> = {};
  ended = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: unknown): this {
    this.headers[name] = String(value);
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    this.ended = true;
    return this;
  }
}
