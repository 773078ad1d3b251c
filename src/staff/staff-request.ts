/**
 * @module staff/staff-request
 * The guard every console API route passes: a session (401), the CSRF rule for state-changing
 * requests (403), the role (403); then the handler's result is sent as JSON.
 */
import type { IncomingMessage } from 'node:http';
import { AppError, ErrorCodes } from '../errors';
import { parseJsonObject, readRawBody } from '../http/body';
import { sendJson } from '../http/respond';
import type { Route, RouteRequest } from '../http/router';
import { CONSOLE_API, splitEndpoint, type ConsoleEndpoint } from './console-api-table';
import type { StaffAuth, StaffPrincipal } from './staff-auth';
import { adminOnly, notLoggedIn, staffError } from './staff-error';

export interface StaffRequest extends RouteRequest {
  principal: StaffPrincipal;
}

/** A handler's result is sent as 200 JSON; `undefined` means it answered itself (cookie, download). */
export type StaffHandler = (request: StaffRequest) => Promise<unknown>;
export type PublicHandler = (request: RouteRequest) => Promise<unknown>;

const MAX_BODY = 16 * 1024;

/**
 * CSRF: a state-changing request must be JSON (a form on another site cannot send that without
 * CORS) and, when the browser names its origin, come from this host.
 */
export function checkCsrf(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const origin = req.headers.origin;
  let sameOrigin = true;
  if (origin !== undefined) {
    try {
      sameOrigin = new URL(origin).host === req.headers.host;
    } catch {
      sameOrigin = false; // `Origin: null` and other non-URLs
    }
  }
  if (type !== 'application/json' || !sameOrigin) {
    throw staffError(403, 'KEFU_FORBIDDEN', 'Refused: send JSON from the console’s own origin.', '已拒绝：请从控制台本身的来源发送 JSON 请求。');
  }
}

export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readRawBody(req, MAX_BODY);
  return raw.length === 0 ? {} : parseJsonObject(raw);
}

/** The peer address (not `X-Forwarded-For`, which any client can set). */
export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * A store's refusal of a request value (a search cursor it did not give) is the caller's mistake:
 * a 400 like any other, not an error of the server worth logging.
 */
function asRequestError(err: unknown): unknown {
  if (err instanceof AppError && err.code === ErrorCodes.badRequest) return staffError(400, err.code, err.message, '请求参数无效。');
  return err;
}

function send(request: RouteRequest, result: unknown): void {
  if (result !== undefined) sendJson(request.res, 200, result);
}

export function publicRoute(endpoint: ConsoleEndpoint, handle: PublicHandler): Route {
  const { method, path } = splitEndpoint(endpoint);
  return {
    method,
    path,
    handle: async (request) => {
      if (method === 'POST') checkCsrf(request.req);
      send(request, await handle(request));
    },
  };
}

export function guardedRoute(endpoint: ConsoleEndpoint, auth: StaffAuth, handle: StaffHandler): Route {
  const { method, path } = splitEndpoint(endpoint);
  const access = CONSOLE_API[endpoint];
  return {
    method,
    path,
    handle: async (request) => {
      const principal = await auth.fromCookie(request.req.headers.cookie);
      if (!principal) throw notLoggedIn();
      if (method === 'POST') checkCsrf(request.req);
      if (access === 'admin' && principal.account.role !== 'admin') throw adminOnly();
      let result: unknown;
      try {
        result = await handle({ ...request, principal });
      } catch (err) {
        throw asRequestError(err);
      }
      send(request, result);
    },
  };
}
