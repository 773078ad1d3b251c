/**
 * @module http/widget-texts-route
 * `GET /api/v1/widget-texts?locale=zh`: the widget's own words (launcher, composer, notices, card
 * labels) from `dialogs/widget.json`, with the shop folder's `dialogs/widget.json` over it per key
 * (the same merge as every response), so a shop renames its launcher by data only. The widget
 * fetches them from the server it talks to when it starts. Public (no shopper data), any origin
 * (the widget runs on the shop's pages), revalidated by ETag.
 *
 * Texts are sent as written: the widget fills their placeholders (`{n}`, `{max}`).
 * @example GET /api/v1/widget-texts?locale=en → 200 {"locale":"en","texts":{"title":"Shop assistant",…}} ETag: "…"
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Responses } from '../domain/responses';
import { ErrorCodes } from '../errors';
import { HttpError, sendJson } from './respond';
import type { Route } from './router';
import { SECURITY_HEADERS } from './static-files';

export const WIDGET_TEXTS_PATH = '/api/v1/widget-texts';

/** The response namespace of the widget's texts: `dialogs/widget.json`. */
const NAMESPACE = 'widget';

/** The body and ETag of one language, computed once (the texts do not change while serving). */
interface Prepared {
  body: { locale: string; texts: Record<string, string> };
  etag: string;
}

/**
 * The keys the `widget.json` files among `dialogFiles` define (the built-in one and a shop's),
 * without the namespace.
 */
export function widgetTextKeys(dialogFiles: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const file of dialogFiles) {
    if (path.basename(file) !== `${NAMESPACE}.json`) continue;
    const byLocale = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const entries of Object.values(byLocale)) for (const key of Object.keys(entries)) keys.add(key);
  }
  return [...keys];
}

/**
 * @param responses the shop's responses (built-in `dialogs/` with the shop's over them)
 * @param keys what to send, from {@link widgetTextKeys}
 */
export function widgetTextsRoute(responses: Responses, keys: readonly string[]): Route {
  const prepared = new Map<string, Prepared>();
  for (const locale of responses.locales()) {
    // The first variant: the widget's labels are stable, and so is the ETag.
    const texts = Object.fromEntries(keys.map((key) => [key, responses.variants(locale, `${NAMESPACE}.${key}`)[0]]));
    const body = { locale, texts };
    const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22)}"`;
    prepared.set(locale, { body, etag });
  }
  return {
    method: 'GET',
    path: WIDGET_TEXTS_PATH,
    handle: ({ req, res, url }) => {
      const locale = url.searchParams.get('locale') ?? '';
      const found = prepared.get(locale);
      if (!found) throw new HttpError(400, ErrorCodes.badRequest, `locale must be one of ${[...prepared.keys()].join(', ')}`);
      // Any page may embed the widget; `no-cache` keeps a renamed title from being served stale.
      const headers = { ETag: found.etag, 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' };
      if (req.headers['if-none-match'] === found.etag) {
        res.writeHead(304, { ...SECURITY_HEADERS, ...headers });
        res.end();
        return;
      }
      sendJson(res, 200, found.body, headers);
    },
  };
}
