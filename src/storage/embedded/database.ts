/**
 * @module storage/embedded/database
 * Opens the embedded SQLite database (write-ahead log on), applies pending migrations, keeps
 * every prepared statement (made once per SQL text), and commits writes in groups: the writes
 * queued while the event loop was busy run together in one `BEGIN IMMEDIATE … COMMIT`, each in
 * its own savepoint so a failing write fails only its own promise. The COMMIT only hands the WAL
 * frames to the OS (`synchronous=NORMAL`); the fsync that makes them durable runs on libuv's
 * thread pool (`wal-sync`), shared by every group committed before it starts, while the event
 * loop goes on with the next turns. A write's promise settles only after that fsync: an
 * acknowledgement that waits for it survives `kill -9` and a power cut, as with
 * `synchronous=FULL`, which does the same fsync inside COMMIT on the event loop (`groupCommit:
 * false` keeps that path, one transaction per write, as the benchmark's baseline).
 *
 * Why the connection stays on the main thread and not in a worker thread owning it:
 * `npm run bench:store` measured both (the worker variant is `bench/store-bench-worker`: same
 * stores and group commit, writes by `postMessage`, reads on the main thread). On this 2-core
 * machine, busy with other work, turns with 1 ms of CPU each, 100 conversations, main vs worker
 * in turns/s: median 287 vs 220 over alternating rounds — when the fsync still ran inside COMMIT.
 * The round trips and copies cost about what moving the fsync off the event loop saved; now that
 * the fsync is off it anyway, the only blocking left is SQLite's own CPU work.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../../log';
import { MIGRATIONS } from './migrations';
import { Checkpointer, type CheckpointResult } from './checkpointer';
import { WalSync } from './wal-sync';

const log = createLogger('kefu:store');

export interface DatabaseOptions {
  /**
   * Writes of concurrent callers share one transaction and one fsync. `false` keeps one
   * transaction per write (the benchmark's baseline).
   * @default true
   */
  groupCommit?: boolean;
  /** With group commit: how often the checkpoint worker copies new WAL pages back. @default 1000 */
  checkpointIntervalMs?: number;
}

/** Counts since open, for the benchmark and tests. */
export interface WriteStats {
  writes: number;
  commits: number;
  /** fsyncs of the write-ahead log off the event loop (group commit); 0 without group commit, where COMMIT syncs. */
  syncs: number;
}

interface Pending {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * @example const db = openDatabase(path.join(dataDir, 'kefu.db'));
 * const row = db.statement('SELECT json FROM orders WHERE id = ?').get(id);
 * await db.write(() => db.statement('DELETE FROM faq WHERE id = ?').run(id));
 */
export class SqliteDatabase {
  private readonly statements = new Map<string, Database.Statement>();
  private queue: Pending[] = [];
  private scheduled = false;
  /** Groups committed whose WAL fsync has not returned yet. */
  private syncing = 0;
  private closed = false;
  private drained: (() => void)[] = [];
  private readonly counts = { writes: 0, commits: 0 };
  private readonly begin: Database.Statement;
  private readonly commit: Database.Statement;
  private readonly rollback: Database.Statement;
  private readonly ownTransaction: (run: () => unknown) => unknown;

  constructor(
    /** The connection: reads use it directly (synchronous; they see every write whose promise resolved). */
    readonly db: Database.Database,
    private readonly groupCommit = true,
    /** With group commit: the fsync after COMMIT, off the event loop (the connection runs `synchronous=NORMAL`). */
    private readonly walSync: WalSync | null = null,
    /** With group commit: copies the WAL into the database file from a worker thread (`wal_autocheckpoint` is off). */
    private readonly checkpointer: Checkpointer | null = null,
  ) {
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
    // Inside the group's transaction better-sqlite3 runs this as SAVEPOINT … RELEASE (ROLLBACK TO on a throw).
    this.ownTransaction = db.transaction((run: () => unknown) => run());
  }

  /** The prepared statement for `sql`, made on first use and kept. `pluck`: rows are their first column. */
  statement(sql: string, pluck = false): Database.Statement {
    const key = pluck ? `pluck:${sql}` : sql;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (pluck) statement.pluck();
      this.statements.set(key, statement);
    }
    return statement;
  }

  /**
   * Runs `run` (synchronous SQL) atomically and resolves with its result once it is committed.
   * A throw undoes only `run`'s own changes and rejects only its promise.
   */
  write<T>(run: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the embedded database is closed'));
    this.counts.writes++;
    if (!this.groupCommit) {
      try {
        const value = this.immediate(run);
        this.counts.commits++;
        return Promise.resolve(value);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After the current turn of the event loop: the writes of every callback that ran in it join this group.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Copies the WAL into the database file now, in the checkpoint worker (before a file backup; tests). `null` without group commit, where SQLite checkpoints by itself. */
  checkpoint(): Promise<CheckpointResult | null> {
    return this.checkpointer ? this.checkpointer.checkpoint() : Promise.resolve(null);
  }

  stats(): WriteStats {
    return { ...this.counts, syncs: this.walSync?.count() ?? 0 };
  }

  /** Commits what is queued, then closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.scheduled || this.syncing > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    await this.checkpointer?.close();
    this.db.close();
    this.walSync?.close();
  }

  private immediate<T>(run: () => T): T {
    this.begin.run();
    try {
      const value = run();
      this.commit.run();
      return value;
    } catch (err) {
      if (this.db.inTransaction) this.rollback.run();
      throw err;
    }
  }

  private flush(): void {
    const group = this.queue;
    this.queue = [];
    this.scheduled = false;
    let outcomes: Outcome[];
    try {
      outcomes = this.runGroup(group);
    } catch (error) {
      // Not expected (a failed ROLLBACK): fail the group rather than leave its promises waiting.
      outcomes = group.map(() => ({ ok: false, error }));
      if (this.db.inTransaction) this.tryRollback();
    }
    if (!this.walSync || !outcomes.some((o) => o.ok)) {
      this.settle(group, outcomes);
      return;
    }
    // Committed, not yet on disk: acknowledge after the WAL's fsync; the event loop goes on meanwhile.
    this.syncing++;
    this.walSync.sync().then(
      () => {
        this.syncing--;
        this.settle(group, outcomes);
      },
      (error: unknown) => {
        // On the OS's side but maybe not on disk: none of the group is acknowledged.
        this.syncing--;
        this.settle(group, outcomes.map((o) => (o.ok ? { ok: false, error } : o)));
      },
    );
  }

  /** Settles each write's promise with its outcome; `close` waits for the last group. */
  private settle(group: Pending[], outcomes: Outcome[]): void {
    group.forEach((p, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
    if (!this.scheduled && this.syncing === 0) this.drained.splice(0).forEach((resolve) => resolve());
  }

  private tryRollback(): void {
    try {
      this.rollback.run();
    } catch (err) {
      log.warn('rollback failed: %s', err instanceof Error ? err.message : String(err));
    }
  }

  /** One transaction for the whole group; the outcome of each write, known only after COMMIT. */
  private runGroup(group: Pending[]): Outcome[] {
    const outcomes: Outcome[] = new Array(group.length);
    let start = 0;
    while (start < group.length) {
      let lost = -1;
      try {
        this.begin.run();
      } catch (error) {
        // No transaction (locked past busy_timeout, disk error): none of the group ran.
        for (let i = start; i < group.length; i++) outcomes[i] = { ok: false, error };
        return outcomes;
      }
      for (let i = start; i < group.length && lost < 0; i++) {
        try {
          outcomes[i] = { ok: true, value: this.ownTransaction(group[i].run) };
        } catch (error) {
          outcomes[i] = { ok: false, error };
          // Some errors (I/O, full disk) make SQLite roll the whole transaction back.
          if (!this.db.inTransaction) lost = i;
        }
      }
      const end = lost < 0 ? group.length : lost;
      if (lost < 0) {
        try {
          this.commit.run();
          this.counts.commits++;
          this.checkpointer?.committed();
        } catch (error) {
          if (this.db.inTransaction) this.tryRollback();
          for (let i = start; i < end; i++) outcomes[i] = { ok: false, error };
        }
      } else {
        // The writes before the lost one were rolled back with it: they fail with its error.
        for (let i = start; i < end; i++) if (outcomes[i].ok) outcomes[i] = { ok: false, error: (outcomes[lost] as { error: unknown }).error };
      }
      // After a lost transaction, the rest of the group gets a fresh one.
      start = lost < 0 ? group.length : lost + 1;
    }
    return outcomes;
  }
}

/**
 * @example const db = openDatabase(path.join(dataDir, 'kefu.db'));
 */
export function openDatabase(file: string, options: DatabaseOptions = {}): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged message must survive a power cut, not only a process crash (in WAL
  // mode NORMAL would skip the fsync at each commit). With group commit that fsync is done by
  // `WalSync` off the event loop before any write is acknowledged, so the connection runs NORMAL.
  const groupCommit = options.groupCommit ?? true;
  db.pragma(groupCommit ? 'synchronous = NORMAL' : 'synchronous = FULL');
  // With group commit the checkpoints run in a worker thread (`checkpointer`), not inside a COMMIT on the event loop.
  if (groupCommit) db.pragma('wal_autocheckpoint = 0');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  if (!groupCommit) return new SqliteDatabase(db, false);
  return new SqliteDatabase(db, true, new WalSync(`${file}-wal`), new Checkpointer(file, options.checkpointIntervalMs));
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
    log.debug('applied migration %s', version + 1);
  }
}
