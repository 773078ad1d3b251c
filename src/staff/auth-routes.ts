/**
 * @module staff/auth-routes
 * `POST /api/staff/login`, `POST /api/staff/logout`, `GET /api/staff/me`. A refused login (429)
 * also says in `Retry-After` when to try again.
 */
import { HttpError, sendJson } from '../http/respond';
import type { Route } from '../http/router';
import { clearCookieHeader, setCookieHeader } from './session-cookie';
import { audit, type StaffDeps } from './staff-deps';
import { clientIp, guardedRoute, publicRoute, readJsonBody } from './staff-request';
import { staffView } from './staff-view';

export function authRoutes(deps: StaffDeps): Route[] {
  const secure = deps.ctx.config.staff.secureCookies;
  return [
    publicRoute('POST /api/staff/login', async ({ req, res }) => {
      const body = await readJsonBody(req);
      let login: Awaited<ReturnType<typeof deps.auth.login>>;
      try {
        login = await deps.auth.login(body.name, body.password, clientIp(req));
      } catch (err) {
        const retryAfter = err instanceof HttpError ? err.extra.retryAfterSeconds : undefined;
        if (!(err instanceof HttpError) || typeof retryAfter !== 'number') throw err;
        sendJson(res, err.status, { error: { ...err.extra, code: err.code, message: err.message } }, { 'Retry-After': String(retryAfter) });
        return undefined;
      }
      const { principal, token } = login;
      await audit(deps, principal, 'login');
      sendJson(res, 200, { staff: staffView(principal.account) }, { 'Set-Cookie': setCookieHeader(token, { maxAgeSeconds: deps.auth.sessionSeconds, secure }) });
      return undefined;
    }),
    guardedRoute('POST /api/staff/logout', deps.auth, async ({ res, principal }) => {
      await deps.auth.logout(principal.tokenHash);
      deps.disconnectSession(principal.tokenHash);
      await audit(deps, principal, 'logout');
      sendJson(res, 200, { ok: true }, { 'Set-Cookie': clearCookieHeader(secure) });
      return undefined;
    }),
    guardedRoute('GET /api/staff/me', deps.auth, async ({ principal }) => ({ staff: staffView(principal.account) })),
  ];
}
