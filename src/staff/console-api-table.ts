/**
 * @module staff/console-api-table
 * Every route of the console API (`console-api.md`) with who may call it: `public` (login only),
 * `staff` (any logged-in agent or admin) or `admin`. The table is data so that the guard is
 * applied to every route the same way, and tests can walk it.
 */

export type Access = 'public' | 'staff' | 'admin';

export const CONSOLE_API = {
  'POST /api/staff/login': 'public',
  'POST /api/staff/logout': 'staff',
  'GET /api/staff/me': 'staff',
  'GET /api/staff/live': 'staff',
  'GET /api/staff/conversations': 'staff',
  'GET /api/staff/conversations/:id': 'staff',
  'GET /api/staff/conversations/:id/turns': 'staff',
  'POST /api/staff/conversations/:id/takeover': 'staff',
  'POST /api/staff/conversations/:id/release': 'staff',
  'POST /api/staff/conversations/:id/messages': 'staff',
  'GET /api/staff/export': 'admin',
  'GET /api/staff/intents': 'staff',
  'POST /api/staff/annotations': 'staff',
  'GET /api/staff/annotations': 'staff',
  'POST /api/staff/annotations/:id/accept': 'admin',
  'POST /api/staff/annotations/:id/reject': 'admin',
  'GET /api/staff/training': 'staff',
  'GET /api/staff/retrain': 'admin',
  'POST /api/staff/retrain': 'admin',
  'GET /api/staff/dashboard': 'staff',
  'GET /api/staff/accounts': 'admin',
  'POST /api/staff/accounts': 'admin',
  'GET /api/staff/audit': 'admin',
} as const satisfies Record<string, Access>;

export type ConsoleEndpoint = keyof typeof CONSOLE_API;

/** `'POST /api/staff/login'` → `{method: 'POST', path: '/api/staff/login'}`. */
export function splitEndpoint(endpoint: ConsoleEndpoint): { method: 'GET' | 'POST'; path: string } {
  const [method, path] = endpoint.split(' ') as ['GET' | 'POST', string];
  return { method, path };
}
