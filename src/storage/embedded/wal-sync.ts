/**
 * @module storage/embedded/wal-sync
 * Makes committed transactions durable without blocking the event loop: an `fsync` of the
 * write-ahead log on libuv's thread pool, shared by every commit that finished before it began.
 *
 * SQLite's `synchronous=FULL` in WAL mode is `synchronous=NORMAL` plus one fsync of the WAL file
 * after each commit (https://www.sqlite.org/pragma.html#pragma_synchronous), done inside
 * `COMMIT`, on the thread that runs it. With NORMAL, COMMIT only writes the frames to the WAL
 * (the OS holds them: they survive `kill -9`), and this class does that one fsync itself, off the
 * event loop; the store acknowledges a write only after an fsync that started after its COMMIT
 * returned, so an acknowledged write survives a power cut exactly as with FULL. Meanwhile the
 * event loop runs the next turns, and their commits share the next fsync.
 */
import fs from 'node:fs';

export class WalSync {
  private fd: number | null = null;
  private inode = -1;
  /** An fsync is running on the thread pool. */
  private syncing = false;
  /** Waiters whose commits came after the fsync in flight began: they need the next one. */
  private next: { resolve: () => void; reject: (err: unknown) => void }[] = [];
  private syncs = 0;

  /** @param walFile the database's write-ahead log, `<database>-wal` */
  constructor(private readonly walFile: string) {}

  /** fsyncs done so far (for tests and the benchmark). */
  count(): number {
    return this.syncs;
  }

  /**
   * Resolves once everything committed before the call is on disk: after an fsync of the WAL
   * that starts after this call. Rejects when the fsync fails (nothing may be acknowledged then).
   */
  sync(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.next.push({ resolve, reject });
      if (!this.syncing) this.start();
    });
  }

  /** Closes the file handle (after the last sync settled). */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private start(): void {
    const waiters = this.next;
    this.next = [];
    this.syncing = true;
    let fd: number;
    try {
      fd = this.handle();
    } catch (err) {
      this.settle(waiters, err);
      return;
    }
    fs.fsync(fd, (err) => this.settle(waiters, err));
  }

  private settle(waiters: { resolve: () => void; reject: (err: unknown) => void }[], err: unknown): void {
    if (!err) this.syncs++;
    this.syncing = false;
    for (const w of waiters) {
      if (err) w.reject(err);
      else w.resolve();
    }
    if (this.next.length > 0) this.start();
  }

  /**
   * The WAL's descriptor, opened again when the file was replaced (SQLite keeps one WAL file while
   * a connection is open, but a checkpoint in another process with `journal_size_limit` could make
   * a new one). A read-only descriptor is enough for fsync on Linux and macOS.
   */
  private handle(): number {
    const { ino } = fs.statSync(this.walFile);
    if (this.fd === null || ino !== this.inode) {
      if (this.fd !== null) fs.closeSync(this.fd);
      this.fd = fs.openSync(this.walFile, 'r');
      this.inode = ino;
    }
    return this.fd;
  }
}
