/**
 * @module domain/built-in-domain
 * The package's own `domain.json` (the built-in bot), for code that runs without a shop's
 * domain at hand (defaults of helpers whose callers have not passed one).
 */
import path from 'node:path';
import { REPO_ROOT } from '../config/repo-root';
import { loadDomain } from './load-domain';
import type { Domain } from './types';

export const BUILT_IN_DOMAIN_FILE = path.join(REPO_ROOT, 'domain.json');

let cached: Domain | undefined;

/** The built-in domain, read once. */
export function builtInDomain(): Domain {
  cached ??= loadDomain([BUILT_IN_DOMAIN_FILE]);
  return cached;
}
