/**
 * @module storage/store-failure
 * What a store's error means for the turn that met it, whatever the adapter: an eTag conflict
 * (`KEFU_STORAGE_CONFLICT`: run the turn again on fresh state) or a database that is briefly
 * unavailable (locked, disconnected, disk full: `KEFU_UNAVAILABLE`, "please try again"). Anything
 * else is not the store's: a bug, answered as a failed turn.
 */
import { AppError, ErrorCodes } from '../errors';
import type { StoreFailures } from '../core/turn-runner';

export type StoreFailure = keyof StoreFailures;

/** better-sqlite3 errors carry `SQLITE_…` codes; the MongoDB driver's and mongoose's are named `Mongo…`. */
function fromDatabase(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return (typeof code === 'string' && code.startsWith('SQLITE_')) || /^Mongo/.test(err.name);
}

/**
 * @example storeFailureOf(new AppError(ErrorCodes.storageConflict, 'stale')) // 'conflict'
 */
export function storeFailureOf(err: unknown): StoreFailure | null {
  if (err instanceof AppError) {
    if (err.code === ErrorCodes.storageConflict) return 'conflict';
    if (err.code === ErrorCodes.unavailable) return 'unavailable';
    return null;
  }
  return fromDatabase(err) ? 'unavailable' : null;
}

/** No failure yet: a turn's record, filled as it meets them. */
export const noStoreFailures = (): StoreFailures => ({ conflict: false, unavailable: false });
