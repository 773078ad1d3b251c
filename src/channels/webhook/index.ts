/**
 * @module channels/webhook
 * The signed webhook API for any other integration (a shop's app, LINE, WhatsApp gateways):
 * `POST /api/v1/conversations/:conversationId/messages`, and its OpenAPI document at
 * `GET /api/v1/openapi.json`. Without `KEFU_WEBHOOK_SECRET` the message route does not exist
 * (404, like any unknown path); the document is served either way.
 *
 * There is no push channel for webhook conversations: an agent's message to one is stored in
 * its transcript (and shown in the console) but not sent to the integration.
 */
import type { AppContext, Feature } from '../../app-context';
import { sendJson } from '../../http/respond';
import type { Route } from '../../http/router';
import { webhookOpenApi } from './openapi';
import { WebhookHandler } from './webhook-handler';

export const MESSAGES_PATH = '/api/v1/conversations/:conversationId/messages';
export const OPENAPI_PATH = '/api/v1/openapi.json';

/**
 * @example router.add(...attachWebhook(context).routes);
 */
export function attachWebhook(ctx: AppContext): Feature {
  const routes: Route[] = [
    { method: 'GET', path: OPENAPI_PATH, handle: ({ res }) => sendJson(res, 200, webhookOpenApi(ctx.config), { 'Cache-Control': 'no-cache' }) },
  ];
  const secret = ctx.config.webhookSecret;
  if (secret) {
    const handler = new WebhookHandler(secret, ctx.config, ctx.chat, ctx.stores.transcripts, ctx.stores.conversations);
    routes.push({ method: 'POST', path: MESSAGES_PATH, handle: handler.handle });
  }
  return { routes };
}
