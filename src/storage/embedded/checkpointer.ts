/**
 * @module storage/embedded/checkpointer
 * Copies the write-ahead log back into the database file from a worker thread, so the event loop
 * never waits for it. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL
 * pages, on the committing thread: it writes those pages into the database and fsyncs both files,
 * tens of milliseconds on a slow disk, during which no turn runs. The server's connection turns it
 * off (`wal_autocheckpoint = 0`) and this class asks a second connection, in a worker thread of
 * its own, for a PASSIVE checkpoint (never blocks readers or writers; it copies what no reader still
 * needs) every `intervalMs` while there are new commits. Durability does not depend on it: a
 * committed write is in the WAL, fsynced (`wal-sync`), before it is acknowledged.
 */
import { Worker } from 'node:worker_threads';
import { createLogger } from '../../log';

const log = createLogger('kefu:store');

/** The result of `PRAGMA wal_checkpoint`: pages in the WAL, and how many of them are in the database now. */
export interface CheckpointResult {
  busy: boolean;
  walPages: number;
  checkpointedPages: number;
}

/** The worker: one connection, one checkpoint per message. Plain JavaScript, so it runs the same from `dist/` and under jest. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, busy: row.busy === 1, walPages: row.log, checkpointedPages: row.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, message: err && err.message ? err.message : String(err) });
  }
});
`;

type FromWorker = ({ ok: true } & CheckpointResult) | { ok: false; message: string };

export class Checkpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private waiting: ((result: FromWorker) => void)[] = [];
  private dirty = false;
  private closed = false;

  /**
   * @param file the database file (the server's connection must have `wal_autocheckpoint = 0`)
   * @param intervalMs how often to checkpoint while there are new commits
   */
  constructor(file: string, intervalMs = 1000) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, sqlite: require.resolve('better-sqlite3') } });
    this.worker.on('message', (message: FromWorker) => {
      this.waiting.shift()?.(message);
      if (this.waiting.length === 0 && !this.closed) this.worker.unref();
    });
    this.worker.on('error', (err: Error) => log.warn('the checkpoint worker failed: %s', err.message));
    this.worker.on('exit', () => this.waiting.splice(0).forEach((settle) => settle({ ok: false, message: 'the checkpoint worker exited' })));
    // An idle server or a test should not stay alive for this.
    this.worker.unref();
    this.timer = setInterval(() => {
      if (!this.dirty || this.waiting.length > 0) return;
      this.dirty = false;
      this.checkpoint().catch((err: Error) => log.warn('checkpoint failed: %s', err.message));
    }, intervalMs);
    this.timer.unref();
  }

  /** Tells it there are new commits to copy at the next interval. */
  committed(): void {
    this.dirty = true;
  }

  /** One PASSIVE checkpoint now, in the worker. */
  checkpoint(): Promise<CheckpointResult> {
    if (this.closed) return Promise.reject(new Error('the checkpointer is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push((message) => (message.ok ? resolve({ busy: message.busy, walPages: message.walPages, checkpointedPages: message.checkpointedPages }) : reject(new Error(message.message))));
      // The process waits for an answer it asked for (the worker is unref'd while idle).
      this.worker.ref();
      this.worker.postMessage('checkpoint');
    });
  }

  /** Stops the timer and closes the worker's connection (before the server's own closes: the last connection to close removes the WAL). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    // Held by the event loop again until it is gone: an unref'd worker would let the process end before `close` resolves.
    this.worker.ref();
    this.worker.postMessage('close');
    await exited;
  }
}
