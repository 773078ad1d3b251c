/**
 * @module channels/botframework
 * Bot Framework channels through botbuilder's CloudAdapter, POST /api/messages (issue 6).
 */
import type { AppContext, Feature } from '../../app-context';

export function attachBotFramework(_ctx: AppContext): Feature {
  return { routes: [] };
}
