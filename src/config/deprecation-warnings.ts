/**
 * @module config/deprecation-warnings
 * One warning per old variable name per start: `loadConfig` runs more than once in some commands,
 * and the workers of `kefu serve --workers N` leave the warnings to their primary.
 */
import cluster from 'node:cluster';
import type { Logger } from '../log';
import type { Deprecation } from './resolve-settings';

const warned = new Set<string>();

/** The warning for one old name, naming the new one. */
export function deprecationMessage(d: Deprecation): string {
  return d.ignored
    ? `environment variable ${d.old} is deprecated and ignored: ${d.replacement} is set and wins; remove ${d.old}`
    : `environment variable ${d.old} is deprecated: rename it ${d.replacement}`;
}

/** The logger comes from the caller: the config folder imports no value from `log.ts`, which reads its level from here. */
export function warnDeprecations(deprecations: Deprecation[], log: Logger): void {
  if (cluster.isWorker) return;
  for (const d of deprecations) {
    if (warned.has(d.old)) continue;
    warned.add(d.old);
    log.warn(deprecationMessage(d));
  }
}
