/**
 * @module channels/wechat/wechat-api
 * The customer-service message API (客服消息接口), which reaches a shopper outside the passive
 * reply: `POST {apiBase}/cgi-bin/message/custom/send?access_token=…` with a text message. The
 * access token comes from `{apiBase}/cgi-bin/token` (client credentials) and is cached until
 * shortly before it expires; one refresh runs at a time, and a token WeChat calls invalid is
 * dropped and fetched again once. Neither the secret nor a token is ever logged.
 */
import { createLogger } from '../../log';
import { fitBytes } from './wechat-reply';

const log = createLogger('kefu:wechat:api');

/** Codes of an access token that is wrong or expired: fetch a new one and try again once. */
const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);
/** A token is renewed this long before WeChat says it expires. */
const RENEW_EARLY_MS = 5 * 60 * 1000;
const REQUEST_TIMEOUT_MS = 10_000;

export interface WechatApiOptions {
  /** @default 'https://api.weixin.qq.com' */
  apiBase: string;
  appId: string;
  appSecret: string;
  /** @default Date.now */
  now?: () => number;
}

/** WeChat answered with an error code (`{errcode, errmsg}`). */
export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`);
  }
}

interface CachedToken {
  value: string;
  expiresAt: number;
}

export class WechatApi {
  private token: CachedToken | undefined;
  private refreshing: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: WechatApiOptions) {
    this.now = options.now ?? Date.now;
  }

  private endpoint(path: string, params: Record<string, string>): string {
    const url = new URL(`${this.options.apiBase.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  }

  /** A valid access token, from the cache or freshly fetched. */
  accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now()) return Promise.resolve(this.token.value);
    this.refreshing ??= this.fetchToken().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async fetchToken(): Promise<string> {
    const url = this.endpoint('/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    });
    const body = await this.request(url, { method: 'GET' });
    const value = body.access_token;
    if (typeof value !== 'string' || value === '') throw new WechatApiError(-1, 'no access_token in the answer');
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in * 1000 : 7200_000;
    this.token = { value, expiresAt: this.now() + Math.max(expiresIn - RENEW_EARLY_MS, expiresIn / 2) };
    log.debug('fetched an access token valid for %s s', Math.round(expiresIn / 1000));
    return value;
  }

  /** Sends a text message to the shopper `openId` (cut to WeChat's length limit). */
  async sendText(openId: string, text: string): Promise<void> {
    const payload = JSON.stringify({ touser: openId, msgtype: 'text', text: { content: fitBytes(text) } });
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        await this.request(this.endpoint('/cgi-bin/message/custom/send', { access_token: token }), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json; charset=utf-8' },
          body: payload,
        });
        return;
      } catch (err) {
        if (attempt === 1 && err instanceof WechatApiError && STALE_TOKEN_CODES.has(err.errcode)) {
          if (this.token?.value === token) this.token = undefined;
          continue;
        }
        throw err;
      }
    }
  }

  /** A JSON answer; `errcode` other than 0 becomes a `WechatApiError`. */
  private async request(url: string, init: RequestInit): Promise<Record<string, unknown>> {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    if (!res.ok) throw new WechatApiError(-res.status, `HTTP ${res.status}`);
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new WechatApiError(-1, 'the answer is not JSON');
    }
    if (typeof body !== 'object' || body === null) throw new WechatApiError(-1, 'the answer is not a JSON object');
    const { errcode, errmsg } = body as { errcode?: unknown; errmsg?: unknown };
    if (typeof errcode === 'number' && errcode !== 0) throw new WechatApiError(errcode, String(errmsg ?? ''));
    return body as Record<string, unknown>;
  }
}
