/**
 * @module channels/botframework
 * Bot Framework channels (Teams, Slack, Facebook Messenger, Telegram, Web Chat… through Azure Bot
 * Service) with botbuilder's CloudAdapter at `POST /api/messages` (issue 6).
 *
 * Fails closed: with an app id every request's JWT is validated by botbuilder (401, no turn);
 * without one, requests are accepted unauthenticated only outside production (botbuilder turns
 * authentication off for an empty app id), and only with a loopback `serviceUrl` (the Emulator on
 * this machine: kefu posts its replies there); a production start without an app id, or with
 * settings botbuilder refuses, disables the endpoint (503 with the reason) and logs why.
 */
import { CloudAdapter } from 'botbuilder';
import type { AppContext, Feature } from '../../app-context';
import { createLogger } from '../../log';
import { FailClosedAuthentication } from './bot-framework-authentication';
import { BotFrameworkBridge } from './bot-framework-bridge';
import { BotFrameworkPusher } from './bot-framework-pusher';
import { CHANNEL } from './inbound-activity';
import { disabledMessagesRoute, messagesRoute } from './messages-route';
import { ReferenceStore } from './reference-store';

const log = createLogger('kefu:botframework');

export const PRODUCTION_WITHOUT_APP_ID =
  'The Bot Framework endpoint is disabled: MicrosoftAppId is not set and NODE_ENV is production. ' +
  'Set MicrosoftAppId and MicrosoftAppPassword (and MicrosoftAppType, MicrosoftAppTenantId for a single-tenant bot) from the Azure Bot resource.';

function disabled(reason: string): Feature {
  log.warn('%s', reason);
  return { routes: [disabledMessagesRoute(reason)] };
}

export function attachBotFramework(ctx: AppContext): Feature {
  // The settings may carry botbuilder's OpenID metadata overrides (see BotFrameworkConfig).
  const settings = ctx.config.botFramework;
  const appId = settings.appId ?? '';
  if (!appId && ctx.config.production) return disabled(PRODUCTION_WITHOUT_APP_ID);
  let auth: FailClosedAuthentication;
  try {
    auth = new FailClosedAuthentication(settings);
  } catch (err) {
    return disabled(`The Bot Framework endpoint is disabled: its settings are invalid (${(err as Error).message}).`);
  }
  if (!appId) log.info('POST /api/messages accepts unauthenticated requests: MicrosoftAppId is not set (development only)');
  const adapter = new CloudAdapter(auth);
  const references = new ReferenceStore(ctx.stores.state);
  const { maxTextLength, publicUrl } = ctx.config;
  const bridge = new BotFrameworkBridge({ chat: ctx.chat, references, maxTextLength, publicUrl });
  const pusher = new BotFrameworkPusher({ adapter, references, appId, publicUrl });
  ctx.chat.registerPusher(CHANNEL, (activity) => {
    pusher.push(activity).catch((err) => log.error('could not push to %s', activity.conversationId, err));
  });
  return { routes: [messagesRoute(adapter, bridge.onTurn, { authenticated: appId !== '' })] };
}

export { FailClosedAuthentication } from './bot-framework-authentication';
export { BotFrameworkPusher } from './bot-framework-pusher';
export { ReferenceStore } from './reference-store';
