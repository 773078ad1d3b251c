/**
 * Group commit in the embedded store: the writes of concurrent callers share one transaction,
 * a write resolves only once committed (another connection sees it), and a failing write fails
 * only its own promise, with multi-row writes still all or nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ChatActivity } from '../../src/core/conversation';
import { ErrorCodes } from '../../src/errors';
import { openDatabase, type SqliteDatabase } from '../../src/storage/embedded/database';
import { SqliteConversationStore } from '../../src/storage/embedded/sqlite-conversation-store';
import { SqliteStorage } from '../../src/storage/embedded/sqlite-storage';
import { SqliteTranscriptStore } from '../../src/storage/embedded/sqlite-transcript-store';

const message = (conversationId: string, id: string, text = '你好 hello'): ChatActivity => ({
  type: 'message',
  id,
  conversationId,
  timestamp: new Date().toISOString(),
  from: { id: 'shopper', role: 'user' },
  text,
});

describe('SqliteDatabase (group commit)', () => {
  let dir: string;
  let file: string;
  let db: SqliteDatabase;
  let other: Database.Database;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-group-commit-'));
    file = path.join(dir, 'kefu.db');
    db = openDatabase(file);
    // A second connection to the same file: it sees only committed data.
    other = new Database(file);
  });
  afterEach(async () => {
    other.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const committed = (conversationId: string, id: string): boolean =>
    other.prepare('SELECT 1 FROM activities WHERE conversation_id = ? AND id = ?').get(conversationId, id) !== undefined;

  it('should run in WAL mode with synchronous=NORMAL, the fsync after COMMIT being its own (off the event loop)', () => {
    expect(db.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('should resolve a write only after an fsync of the WAL that ended after its commit, one fsync shared by concurrent writes', async () => {
    const transcripts = new SqliteTranscriptStore(db);
    const before = db.stats();
    const syncsAtResolve: number[] = [];
    await Promise.all(Array.from({ length: 40 }, (_, i) => transcripts.append(message(`s${i % 4}`, `m${i}`)).then(() => syncsAtResolve.push(db.stats().syncs))));
    const after = db.stats();
    expect(syncsAtResolve.every((n) => n > before.syncs)).toBe(true);
    expect(after.syncs - before.syncs).toBeGreaterThanOrEqual(1);
    expect(after.syncs - before.syncs).toBeLessThan(40);
    // One more write alone needs an fsync of its own: the earlier ones do not cover it.
    await transcripts.append(message('s0', 'late'));
    expect(db.stats().syncs).toBeGreaterThan(after.syncs);
  });

  it('should commit the writes of 50 concurrent callers in one transaction, each resolved only once committed', async () => {
    const transcripts = new SqliteTranscriptStore(db);
    const before = db.stats();
    const seenAtResolve: boolean[] = [];
    const writes = Array.from({ length: 50 }, (_, i) =>
      transcripts.append(message(`c${i % 5}`, `m${i}`)).then((result) => {
        seenAtResolve.push(committed(`c${i % 5}`, `m${i}`));
        return result;
      }),
    );
    // Queued, not yet run: nothing is visible anywhere.
    expect(committed('c0', 'm0')).toBe(false);
    const results = await Promise.all(writes);
    expect(results.every((r) => r.inserted)).toBe(true);
    expect(seenAtResolve).toEqual(Array(50).fill(true));
    expect(db.stats()).toEqual({ writes: before.writes + 50, commits: before.commits + 1, syncs: before.syncs + 1 });
  });

  it('should fail only the write with a stale eTag, and store the others of its group', async () => {
    const state = new SqliteStorage(db);
    await state.write({ a: { n: 0 }, b: { n: 0 } });
    const { a } = await state.read(['a']);
    const results = await Promise.allSettled([
      state.write({ a: { ...a, n: 1 } }),
      // Same eTag as the first: by the time it runs, the first has moved the eTag on.
      state.write({ a: { ...a, n: 2 } }),
      state.write({ b: { n: 3, eTag: '*' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: ErrorCodes.storageConflict });
    const items = await state.read(['a', 'b']);
    expect(items.a).toMatchObject({ n: 1 });
    expect(items.b).toMatchObject({ n: 3 });
  });

  it('should keep appendAll all or nothing inside a group: a bad row undoes its batch only', async () => {
    const transcripts = new SqliteTranscriptStore(db);
    const broken = { ...message('c1', 'r2'), from: { id: 'bot' } } as unknown as ChatActivity; // no role: NOT NULL fails
    const [batch, single, good] = await Promise.allSettled([
      transcripts.appendAll([message('c1', 'r1', '回复一'), broken]),
      transcripts.append(message('c1', 'u1')),
      transcripts.appendAll([message('c2', 'r3'), message('c2', 'r4')]),
    ]);
    expect(batch.status).toBe('rejected');
    expect(single.status).toBe('fulfilled');
    expect(good.status).toBe('fulfilled');
    expect(committed('c1', 'r1')).toBe(false);
    expect(committed('c1', 'u1')).toBe(true);
    expect(committed('c2', 'r3') && committed('c2', 'r4')).toBe(true);
  });

  it('should return what the write read inside its own transaction (create, then the stored row)', async () => {
    const conversations = new SqliteConversationStore(db);
    const [first, again] = await Promise.all([
      conversations.create({ id: 'c9', channel: 'socketio', customerId: null, locale: 'zh' }),
      conversations.create({ id: 'c9', channel: 'socketio', customerId: 'someone-else', locale: 'en' }),
    ]);
    expect(first).toMatchObject({ id: 'c9', locale: 'zh', customerId: null });
    expect(again).toEqual(first);
  });

  it('should reject a whole group when the database is locked past busy_timeout, and commit the next one', async () => {
    const transcripts = new SqliteTranscriptStore(db);
    db.db.pragma('busy_timeout = 20');
    other.exec('BEGIN IMMEDIATE');
    const locked = await Promise.allSettled([transcripts.append(message('c1', 'x1')), transcripts.append(message('c1', 'x2'))]);
    expect(locked.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    other.exec('ROLLBACK');
    await expect(transcripts.append(message('c1', 'x3'))).resolves.toMatchObject({ inserted: true });
    expect([committed('c1', 'x1'), committed('c1', 'x2'), committed('c1', 'x3')]).toEqual([false, false, true]);
  });

  it('should commit the writes still queued when closed, then refuse new ones', async () => {
    const transcripts = new SqliteTranscriptStore(db);
    const pending = transcripts.append(message('c1', 'last'));
    await db.close();
    await expect(pending).resolves.toMatchObject({ inserted: true });
    expect(committed('c1', 'last')).toBe(true);
    await expect(transcripts.append(message('c1', 'after'))).rejects.toThrow(/closed/);
  });

  it('should commit each write alone with groupCommit false (the benchmark baseline)', async () => {
    const alone = openDatabase(path.join(dir, 'alone.db'), { groupCommit: false });
    // Without group commit COMMIT itself fsyncs.
    expect(alone.db.pragma('synchronous', { simple: true })).toBe(2);
    try {
      const transcripts = new SqliteTranscriptStore(alone);
      await Promise.all(Array.from({ length: 10 }, (_, i) => transcripts.append(message('c1', `s${i}`))));
      expect(alone.stats()).toEqual({ writes: 10, commits: 10, syncs: 0 });
    } finally {
      await alone.close();
    }
  });
});

describe('Checkpointer (the WAL copied back from a worker thread)', () => {
  it('should leave checkpoints to the worker: none in the server connection, the WAL fully copied back on request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-checkpoint-'));
    // No timed checkpoint during the test: only the one asked for below.
    const db = openDatabase(path.join(dir, 'kefu.db'), { checkpointIntervalMs: 3_600_000 });
    try {
      expect(db.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const transcripts = new SqliteTranscriptStore(db);
      // Far past SQLite's automatic 1,000 pages, with no checkpoint on the event loop.
      const big = 'x'.repeat(3000);
      for (let round = 0; round < 15; round++) {
        await Promise.all(Array.from({ length: 100 }, (_, i) => transcripts.append(message(`c${i % 10}`, `r${round}-${i}`, big))));
      }
      const result = await db.checkpoint();
      if (!result) throw new Error('group commit has a checkpointer');
      expect(result.walPages).toBeGreaterThan(1000);
      expect(result.checkpointedPages).toBe(result.walPages);
      // The database file now holds the rows: a fresh connection reading it after close sees them all.
    } finally {
      await db.close();
    }
    const reopened = new Database(path.join(dir, 'kefu.db'), { readonly: true });
    expect((reopened.prepare('SELECT COUNT(*) AS n FROM activities').get() as { n: number }).n).toBe(1500);
    reopened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
