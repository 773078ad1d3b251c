/**
 * @module staff/auth-routes
 * `POST /api/staff/login`, `POST /api/staff/logout`, `GET /api/staff/me`.
 */
import { sendJson } from '../http/respond';
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
      const { principal, token } = await deps.auth.login(body.name, body.password, clientIp(req));
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
