/**
 * @module staff
 * The staff console: accounts, login, the /staff namespace and the console API (issue 5).
 */
import type { AppContext, Feature } from '../app-context';

export function attachStaff(_ctx: AppContext): Feature {
  return { routes: [] };
}
