/**
 * @module staff/retrain-routes
 * `POST /api/staff/retrain` starts a retrain (202, or 409 while one runs) and `GET /api/staff/retrain`
 * reports its progress and result. Admins only, through the console API's own guard (a session: 401;
 * JSON from the console's own origin for the POST: 403, CSRF), plus the admin role (403).
 */
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { ConsoleEndpoint } from './console-api-table';
import type { RetrainJob } from './retrain-job';
import type { StaffAuth } from './staff-auth';
import { adminOnly, staffError } from './staff-error';
import { guardedRoute, readJsonBody, type StaffHandler } from './staff-request';

export const RETRAIN_PATH = '/api/staff/retrain';

/**
 * Not (yet) in the console API table (`console-api-table.ts`, another module's file), whose `admin`
 * entries the guard checks itself: this checks the role in the handler instead.
 */
const adminOnlyRoute = (endpoint: string, auth: StaffAuth, handle: StaffHandler): Route =>
  guardedRoute(endpoint as ConsoleEndpoint, auth, async (request) => {
    if (request.principal.account.role !== 'admin') throw adminOnly();
    return handle(request);
  });

export function retrainRoutes(auth: StaffAuth, job: RetrainJob): Route[] {
  return [
    adminOnlyRoute(`POST ${RETRAIN_PATH}`, auth, async ({ req, res, principal }) => {
      await readJsonBody(req);
      if (!job.start(principal.account.name)) {
        throw staffError(409, 'KEFU_CONFLICT', 'A retrain is already running.', '已有一次重新训练正在进行。', { retrain: job.current });
      }
      sendJson(res, 202, { retrain: job.current });
      return undefined;
    }),
    adminOnlyRoute(`GET ${RETRAIN_PATH}`, auth, async () => ({ retrain: job.current })),
  ];
}
