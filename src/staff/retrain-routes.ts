/**
 * @module staff/retrain-routes
 * `POST /api/staff/retrain` starts a retrain (202, or 409 while one runs) and `GET /api/staff/retrain`
 * reports its progress and result. Admins only, through the console API's guard (a session: 401;
 * JSON from the console's own origin for the POST: 403, CSRF; the admin role: 403). A retrain that
 * starts is written to the audit log.
 */
import type { AuditLog } from '../core/staff';
import { sendJson } from '../http/respond';
import type { Route } from '../http/router';
import type { RetrainJob } from './retrain-job';
import type { StaffAuth } from './staff-auth';
import { staffError } from './staff-error';
import { guardedRoute, readJsonBody } from './staff-request';

export function retrainRoutes(auth: StaffAuth, job: RetrainJob, audit: AuditLog): Route[] {
  return [
    guardedRoute('POST /api/staff/retrain', auth, async ({ req, res, principal }) => {
      await readJsonBody(req);
      if (!job.start(principal.account.name)) {
        throw staffError(409, 'KEFU_CONFLICT', 'A retrain is already running.', '已有一次重新训练正在进行。', { retrain: job.current });
      }
      const { account } = principal;
      await audit.record({ at: new Date().toISOString(), staffId: account.id, staffName: account.name, action: 'retrain' });
      sendJson(res, 202, { retrain: job.current });
      return undefined;
    }),
    guardedRoute('GET /api/staff/retrain', auth, async () => ({ retrain: job.current })),
  ];
}
