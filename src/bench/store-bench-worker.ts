/**
 * @module bench/store-bench-worker
 * The alternative `bench:store` measures group commit on the main thread against (issue 13): a
 * worker thread owns the write connection and runs the same embedded stores there (group commit
 * included); the main thread posts the writes and reads synchronously on its own connection to
 * the same file (WAL: it sees what the worker committed before answering). Only the benchmark
 * uses it — it did not measure faster, so the server keeps the database on the main thread
 * (numbers in `storage/embedded/database.ts` and `test/reports/bench-store.md`).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { openEmbeddedStores } from '../storage/embedded';
import type { Stores } from '../core/stores';

/** The writes the benchmark's scenarios make, sent to the worker; everything else runs on the main thread. */
const REMOTE = { transcripts: ['append', 'appendAll'], state: ['write', 'delete'] } as const;

interface Call {
  id: number;
  port: keyof typeof REMOTE;
  method: string;
  args: unknown[];
}

type Answer = { id: number; value: unknown } | { id: number; error: { message: string; code?: string } };

/**
 * @example const { stores, close } = openWorkerStores(dir); await stores.transcripts.append(a); await close();
 */
export function openWorkerStores(dataDir: string): { stores: Stores; close(): Promise<void> } {
  const local = openEmbeddedStores(dataDir);
  const worker = new Worker(__filename, { workerData: { kefuStoreWorker: dataDir } });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let next = 0;
  worker.on('message', (answer: Answer) => {
    const waiter = waiting.get(answer.id);
    waiting.delete(answer.id);
    if ('error' in answer) waiter?.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
    else waiter?.resolve(answer.value);
  });
  const call = (port: Call['port'], method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, port, method, args } satisfies Call);
    });
  const remote = <T extends object>(port: Call['port'], target: T): T =>
    Object.assign(Object.create(target) as T, Object.fromEntries(REMOTE[port].map((m) => [m, (...args: unknown[]) => call(port, m, args)])));
  return {
    stores: { ...local, transcripts: remote('transcripts', local.transcripts), state: remote('state', local.state) },
    close: async () => {
      await worker.terminate();
      await local.close();
    },
  };
}

function serve(dataDir: string): void {
  const stores = openEmbeddedStores(dataDir);
  parentPort!.on('message', ({ id, port, method, args }: Call) => {
    const target = stores[port] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
    target[method](...args).then(
      (value) => parentPort!.postMessage({ id, value } satisfies Answer),
      (err: Error & { code?: string }) => parentPort!.postMessage({ id, error: { message: err.message, code: err.code } } satisfies Answer),
    );
  });
}

if (!isMainThread && (workerData as { kefuStoreWorker?: string } | null)?.kefuStoreWorker) {
  serve((workerData as { kefuStoreWorker: string }).kefuStoreWorker);
}
