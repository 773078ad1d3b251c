/**
 * @module staff/retrain-feature
 * The console's retrain (routes and the one job) as a feature of the composition root.
 */
import type { AppContext, Feature } from '../app-context';
import type { LiveCatalogue } from '../catalogue/live-catalogue';
import { LoginRateLimiter } from './login-rate-limiter';
import { RetrainJob } from './retrain-job';
import { retrainRoutes } from './retrain-routes';
import { StaffAuth } from './staff-auth';

/** @example features.push(attachRetrain(context, catalogue)) */
export function attachRetrain(ctx: AppContext, catalogue: LiveCatalogue): Feature {
  // Only `fromCookie` is used here (no logins), so this instance's login limits never apply.
  const auth = new StaffAuth(ctx.stores.staff, ctx.config.staff, new LoginRateLimiter());
  return { routes: retrainRoutes(auth, new RetrainJob(catalogue, ctx.config.modelDir), ctx.stores.staff.audit) };
}
