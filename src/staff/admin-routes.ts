/**
 * @module staff/admin-routes
 * The dashboard (any staff member) and what only an admin may do: accounts and the audit log.
 */
import type { Route } from '../http/router';
import { createStaffAccount } from './create-staff-account';
import { parseLimit, parseTimeBound, single } from './query-params';
import type { StaffDeps } from './staff-deps';
import { badRequest } from './staff-error';
import { guardedRoute, readJsonBody } from './staff-request';
import { staffView } from './staff-view';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The dashboard's default range, and the longest it answers. */
const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;

/** `from`/`to` of the dashboard: dates or ISO times; by default the last 14 days up to now. */
export function dashboardRange(params: URLSearchParams, now = Date.now()): { from: string; to: string } {
  const toParam = single(params, 'to', 40);
  const fromParam = single(params, 'from', 40);
  const to = toParam ? parseTimeBound(toParam, 'to') : new Date(now).toISOString();
  const from = fromParam ? parseTimeBound(fromParam, 'from') : new Date(Date.parse(to) - DEFAULT_DAYS * DAY_MS).toISOString();
  if (from >= to) throw badRequest('"from" must be before "to".', '"from" 必须早于 "to"。');
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * DAY_MS) throw badRequest(`The range may span at most ${MAX_DAYS} days.`, `时间范围最多 ${MAX_DAYS} 天。`);
  return { from, to };
}

export function adminRoutes(deps: StaffDeps): Route[] {
  const { auth } = deps;
  return [
    guardedRoute('GET /api/staff/dashboard', auth, async ({ url }) => deps.ctx.stores.search.dashboard(dashboardRange(url.searchParams))),
    guardedRoute('GET /api/staff/accounts', auth, async () => ({ accounts: (await deps.staff.directory.list()).map(staffView) })),
    guardedRoute('POST /api/staff/accounts', auth, async ({ req, principal }) => {
      const body = await readJsonBody(req);
      const { account, password } = await createStaffAccount(
        deps.staff,
        { name: body.name, role: body.role, displayName: body.displayName },
        { staffId: principal.account.id, staffName: principal.account.name },
      );
      return { account, password };
    }),
    guardedRoute('GET /api/staff/audit', auth, async ({ url }) => {
      const before = single(url.searchParams, 'before', 40);
      const limit = parseLimit(url.searchParams, 500, 50);
      return { entries: await deps.staff.audit.list({ limit, ...(before ? { before: parseTimeBound(before, 'from', 'before') } : {}) }) };
    }),
  ];
}
