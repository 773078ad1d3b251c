/**
 * @module channels/botframework/messages-route
 * `POST /api/messages`: reads the body (bounded), refuses what cannot be an activity, and hands
 * the request to `CloudAdapter.process`, which validates the token (when an app id is set) before
 * any turn runs. Its answer is written in kefu's JSON error shape; botbuilder's reason for a
 * refusal goes to the log, not to the caller.
 */
import type { ServerResponse } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { parseJsonObject, readRawBody } from '../../http/body';
import { sendError, sendJson } from '../../http/respond';
import type { Route, RouteRequest } from '../../http/router';
import { ErrorCodes } from '../../errors';
import { createLogger } from '../../log';
import { BufferedResponse } from './buffered-response';
import { checkActivityShape } from './inbound-activity';
import { checkLocalEmulatorRequest } from './local-emulator';

const log = createLogger('kefu:botframework:http');

export const MESSAGES_PATH = '/api/messages';
/** Teams and Slack activities carry large `channelData`; chat text itself is at most 2,000 characters. */
export const MAX_ACTIVITY_BYTES = 256 * 1024;

function write(res: ServerResponse, answer: BufferedResponse): void {
  const status = answer.statusCode;
  if (status === 401) {
    log.info('refused an unauthenticated Bot Framework request: %s', String(answer.body ?? ''));
    sendJson(res, 401, { error: { code: ErrorCodes.auth, message: 'A valid Bot Framework token is required.' } });
  } else if (status === 501) {
    // An invoke (Teams card action, task module…) kefu has no answer for.
    sendJson(res, 501, { error: { code: ErrorCodes.notFound, message: 'kefu does not handle this kind of activity.' } });
  } else if (status >= 500) {
    log.error('the Bot Framework activity failed (%s): %s', status, String(answer.body ?? ''));
    sendJson(res, status, { error: { code: ErrorCodes.internal, message: 'The activity could not be processed.' } });
  } else if (status >= 400) {
    sendJson(res, status, { error: { code: ErrorCodes.badRequest, message: String(answer.body ?? 'The activity was refused.') } });
  } else if (answer.body !== undefined) {
    sendJson(res, status, answer.body);
  } else {
    res.writeHead(status);
    res.end();
  }
}

/**
 * @param options.authenticated false when no app id is set and unauthenticated requests are
 *   allowed for the Emulator: then only requests from this machine to a `serviceUrl` on this
 *   machine are answered (`local-emulator`).
 */
export function messagesRoute(adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>, options: { authenticated: boolean }): Route {
  return {
    method: 'POST',
    path: MESSAGES_PATH,
    async handle({ req, res }: RouteRequest) {
      try {
        const body = parseJsonObject(await readRawBody(req, MAX_ACTIVITY_BYTES));
        checkActivityShape(body);
        if (!options.authenticated) checkLocalEmulatorRequest(req, body);
        const answer = new BufferedResponse();
        await adapter.process({ body, headers: req.headers, method: req.method }, answer, logic);
        write(res, answer);
      } catch (err) {
        sendError(res, err);
      }
    },
  };
}

/** The route of a disabled endpoint: 503 with the reason, so whoever sets the bot up sees why. */
export function disabledMessagesRoute(reason: string): Route {
  return {
    method: 'POST',
    path: MESSAGES_PATH,
    handle({ res }: RouteRequest) {
      sendJson(res, 503, { error: { code: ErrorCodes.unavailable, message: reason } });
    },
  };
}
