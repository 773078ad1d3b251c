/**
 * @module channels/botframework
 * Bot Framework channels (Teams, Slack, Facebook Messenger, Telegram, Web Chat… through Azure Bot
 * Service) with botbuilder's CloudAdapter at `POST /api/messages` (issue 6).
 *
 * Fails closed: with an app id every request's JWT is validated by botbuilder (401, no turn).
 * Without one the endpoint is disabled (503 with the reason) unless unauthenticated requests are
 * explicitly allowed for local testing (`KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true`, never in
 * production; botbuilder turns authentication off for an empty app id), and then only requests
 * from this machine to a `serviceUrl` on this machine are answered (the Emulator: kefu posts its
 * replies there), with a warning at start when `KEFU_HOST` is not a loopback address. Settings
 * botbuilder refuses also disable the endpoint and say why.
 */
import { CloudAdapter } from 'botbuilder';
import type { AppContext, Feature } from '../../app-context';
import { createLogger } from '../../log';
import { shopResponses } from '../shop-responses';
import { FailClosedAuthentication } from './bot-framework-authentication';
import { isLoopbackHost } from './local-emulator';
import { refuseRedirects } from './no-redirects';
import { BotFrameworkBridge } from './bot-framework-bridge';
import { BotFrameworkPusher } from './bot-framework-pusher';
import { CHANNEL } from './inbound-activity';
import { disabledMessagesRoute, messagesRoute } from './messages-route';
import { ReferenceStore } from './reference-store';

const log = createLogger('kefu:botframework');

export const PRODUCTION_WITHOUT_APP_ID =
  'The Bot Framework endpoint is disabled: KEFU_BOTFRAMEWORK_APP_ID is not set and kefu runs in production (KEFU_PRODUCTION=true or NODE_ENV=production). ' +
  'Set KEFU_BOTFRAMEWORK_APP_ID and KEFU_BOTFRAMEWORK_APP_PASSWORD (and KEFU_BOTFRAMEWORK_APP_TYPE, KEFU_BOTFRAMEWORK_TENANT_ID for a single-tenant bot) from the Azure Bot resource.';

export const UNAUTHENTICATED_NOT_ALLOWED =
  'The Bot Framework endpoint is disabled: KEFU_BOTFRAMEWORK_APP_ID is not set. Set KEFU_BOTFRAMEWORK_APP_ID and KEFU_BOTFRAMEWORK_APP_PASSWORD from the Azure Bot resource, ' +
  'or, to test with the Bot Framework Emulator on this machine, KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true.';

export const UNAUTHENTICATED_ON_NON_LOOPBACK_HOST =
  'POST /api/messages accepts unauthenticated Bot Framework requests (KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true, no KEFU_BOTFRAMEWORK_APP_ID) ' +
  'while KEFU_HOST=%s listens beyond this machine: only requests from loopback to a loopback serviceUrl are answered, but set KEFU_HOST=127.0.0.1 for local testing.';

function disabled(reason: string, level: 'warn' | 'info' = 'warn'): Feature {
  log[level]('%s', reason);
  return { routes: [disabledMessagesRoute(reason)] };
}

export function attachBotFramework(ctx: AppContext): Feature {
  // The settings may carry botbuilder's OpenID metadata overrides (see BotFrameworkConfig).
  const settings = ctx.config.botFramework;
  const appId = settings.appId ?? '';
  if (!appId && ctx.config.production) return disabled(PRODUCTION_WITHOUT_APP_ID);
  // The usual development start without Bot Framework: nothing is wrong, so not a warning.
  if (!appId && !settings.allowUnauthenticated) return disabled(UNAUTHENTICATED_NOT_ALLOWED, 'info');
  let auth: FailClosedAuthentication;
  try {
    auth = new FailClosedAuthentication(settings);
  } catch (err) {
    return disabled(`The Bot Framework endpoint is disabled: its settings are invalid (${(err as Error).message}).`);
  }
  if (!appId && !isLoopbackHost(ctx.config.host)) log.warn(UNAUTHENTICATED_ON_NON_LOOPBACK_HOST, ctx.config.host);
  else if (!appId) log.info('POST /api/messages accepts unauthenticated requests from this machine (the Bot Framework Emulator): KEFU_BOTFRAMEWORK_APP_ID is not set');
  const adapter = new CloudAdapter(auth);
  if (!appId) refuseRedirects(adapter);
  const references = new ReferenceStore(ctx.stores.state);
  const { maxTextLength, publicUrl } = ctx.config;
  const responses = shopResponses(ctx.config);
  const bridge = new BotFrameworkBridge({ chat: ctx.chat, references, maxTextLength, publicUrl, responses });
  const pusher = new BotFrameworkPusher({ adapter, references, appId, publicUrl, responses });
  ctx.chat.registerPusher(CHANNEL, (activity) => {
    pusher.push(activity).catch((err) => log.error('could not push to %s', activity.conversationId, err));
  });
  return { routes: [messagesRoute(adapter, bridge.onTurn, { authenticated: appId !== '' })] };
}

export { FailClosedAuthentication } from './bot-framework-authentication';
export { BotFrameworkPusher } from './bot-framework-pusher';
export { ReferenceStore } from './reference-store';
