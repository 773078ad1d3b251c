/**
 * @module channels/webhook
 * The signed webhook API, POST /api/v1/conversations/:conversationId/messages (issue 6).
 */
import type { AppContext, Feature } from '../../app-context';

export function attachWebhook(_ctx: AppContext): Feature {
  return { routes: [] };
}
