/**
 * @module storage/guarded-stores
 * Wraps every port of a `Stores` so that callers see only `AppError`s: an eTag conflict stays
 * `KEFU_STORAGE_CONFLICT`, any other failure of the database (locked, disconnected, disk full)
 * becomes `KEFU_UNAVAILABLE` ("please try again"), and both are recorded in the current
 * store-failure scope. Whatever the adapter, the chat service handles one vocabulary of errors.
 */
import { AppError, ErrorCodes } from '../errors';
import { createLogger } from '../log';
import { recordStoreFailure } from './store-failure-scope';
import type { Stores } from '../core/stores';

const log = createLogger('kefu:store');

const PORTS = ['conversations', 'transcripts', 'state', 'shop', 'orders', 'handoffs', 'feedback', 'search'] as const;
const STAFF_PORTS = ['directory', 'sessions', 'audit', 'assignments', 'annotations'] as const;

/** The AppError a store failure becomes. */
export function storeError(err: unknown, where: string): AppError {
  if (err instanceof AppError) {
    if (err.code === ErrorCodes.storageConflict) recordStoreFailure('conflict');
    if (err.code === ErrorCodes.unavailable) recordStoreFailure('unavailable');
    return err;
  }
  recordStoreFailure('unavailable');
  log.warn('store unavailable in %s: %s', where, err instanceof Error ? err.message : String(err));
  return new AppError(ErrorCodes.unavailable, 'The service is briefly unavailable. Please try again in a moment.', { cause: err });
}

function guardPort<T extends object>(port: T, name: string): T {
  return new Proxy(port, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const where = `${name}.${String(prop)}`;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (err) {
          throw storeError(err, where);
        }
      };
    },
  });
}

/**
 * @example const stores = guardStores(openEmbeddedStores(dataDir));
 */
export function guardStores(stores: Stores): Stores {
  const guarded = { ...stores };
  for (const port of PORTS) (guarded as unknown as Record<string, object>)[port] = guardPort(stores[port], port);
  const staff = { ...stores.staff };
  for (const port of STAFF_PORTS) (staff as unknown as Record<string, object>)[port] = guardPort(stores.staff[port], `staff.${port}`);
  guarded.staff = staff;
  return guarded;
}
