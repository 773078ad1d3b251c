/**
 * @module staff/retrain-routes
 * `POST /api/staff/retrain` starts a retrain (202, or 409 while one runs) and `GET /api/staff/retrain`
 * reports its progress and result. Admins only, with the console API's rules: a session (401), JSON
 * from the console's own origin for the POST (403, CSRF), the admin role (403).
 */
import { sendJson } from '../http/respond';
import type { Route, RouteRequest } from '../http/router';
import type { RetrainJob } from './retrain-job';
import type { StaffAuth, StaffPrincipal } from './staff-auth';
import { adminOnly, notLoggedIn, staffError } from './staff-error';
import { checkCsrf, readJsonBody } from './staff-request';

export const RETRAIN_PATH = '/api/staff/retrain';

type AdminHandler = (request: RouteRequest, principal: StaffPrincipal) => Promise<{ status: number; body: unknown }>;

/** The same guard as the console API's admin routes (`staff-request.guardedRoute`). */
function adminRoute(method: 'GET' | 'POST', path: string, auth: StaffAuth, handle: AdminHandler): Route {
  return {
    method,
    path,
    handle: async (request) => {
      const principal = await auth.fromCookie(request.req.headers.cookie);
      if (!principal) throw notLoggedIn();
      if (method === 'POST') checkCsrf(request.req);
      if (principal.account.role !== 'admin') throw adminOnly();
      const { status, body } = await handle(request, principal);
      sendJson(request.res, status, body);
    },
  };
}

export function retrainRoutes(auth: StaffAuth, job: RetrainJob): Route[] {
  return [
    adminRoute('POST', RETRAIN_PATH, auth, async ({ req }, principal) => {
      await readJsonBody(req);
      if (!job.start(principal.account.name)) {
        throw staffError(409, 'KEFU_CONFLICT', 'A retrain is already running.', '已有一次重新训练正在进行。', { retrain: job.current });
      }
      return { status: 202, body: { retrain: job.current } };
    }),
    adminRoute('GET', RETRAIN_PATH, auth, async () => ({ status: 200, body: { retrain: job.current } })),
  ];
}
