/**
 * @module storage/store-failure-scope
 * What went wrong with the store during one unit of work (a turn), even when the code in between
 * swallowed the error: botbuilder's `onTurnError` turns a failed state save into a polite reply,
 * so the chat service cannot see the error itself. The guarded stores record each failure here
 * (through `AsyncLocalStorage`, which follows the turn's promises) and the chat service decides:
 * an eTag conflict re-runs the turn on fresh state, an unavailable store asks the shopper to try again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type StoreFailureKind = 'conflict' | 'unavailable';

export interface StoreFailures {
  conflict: boolean;
  unavailable: boolean;
}

const scope = new AsyncLocalStorage<StoreFailures>();

/** Records a failure in the current scope (no-op outside one). */
export function recordStoreFailure(kind: StoreFailureKind): void {
  const failures = scope.getStore();
  if (failures) failures[kind] = true;
}

/**
 * Runs `work` in a fresh scope; resolves with its result and the store failures seen inside.
 * @example const { failures } = await withStoreFailures(() => runner.run(input, send));
 */
export async function withStoreFailures<T>(work: () => Promise<T>): Promise<{ result: T; failures: StoreFailures }> {
  const failures: StoreFailures = { conflict: false, unavailable: false };
  const result = await scope.run(failures, work);
  return { result, failures };
}
