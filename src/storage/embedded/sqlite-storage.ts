/**
 * @module storage/embedded/sqlite-storage
 * botbuilder's `Storage` (dialog and conversation state) on SQLite, with eTags:
 * a write carrying a stale eTag fails, `*` or no eTag overwrites (as botbuilder's MemoryStorage).
 */
import type { Storage, StoreItems } from 'botbuilder-core';
import { AppError, ErrorCodes } from '../../errors';
import type { SqliteDatabase } from './database';

/**
 * The synchronous write of `changes`, to run inside a `db.write` (alone, or with the rest of a
 * turn's results): throws `KEFU_STORAGE_CONFLICT` when a key's eTag is stale. Serialised now: the
 * caller may change its objects once this returns.
 */
export function stateWriter(db: SqliteDatabase, changes: StoreItems): () => void {
  const entries = Object.entries(changes).map(([key, item]) => {
    const { eTag, ...value } = (item ?? {}) as { eTag?: string };
    return { key, eTag, json: JSON.stringify(value) };
  });
  const select = db.statement('SELECT etag FROM dialog_state WHERE key = ?');
  const upsert = db.statement(
    `INSERT INTO dialog_state (key, etag, json) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET etag = etag + 1, json = excluded.json`,
  );
  return () => {
    for (const { key, eTag, json } of entries) {
      const row = select.get(key) as { etag: number } | undefined;
      if (row && eTag && eTag !== '*' && eTag !== String(row.etag)) {
        throw new AppError(ErrorCodes.storageConflict, `Storage: error writing "${key}" due to eTag conflict.`);
      }
      upsert.run(key, json);
    }
  };
}

export class SqliteStorage implements Storage {
  constructor(private readonly db: SqliteDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const select = this.db.statement('SELECT etag, json FROM dialog_state WHERE key = ?');
    for (const key of keys) {
      const row = select.get(key) as { etag: number; json: string } | undefined;
      if (row) items[key] = { ...JSON.parse(row.json), eTag: String(row.etag) };
    }
    return items;
  }

  /** All keys or none; the eTags are checked inside the write, against what is committed before it. */
  async write(changes: StoreItems): Promise<void> {
    await this.db.write(stateWriter(this.db, changes));
  }

  async delete(keys: string[]): Promise<void> {
    const del = this.db.statement('DELETE FROM dialog_state WHERE key = ?');
    await this.db.write(() => keys.forEach((key) => del.run(key)));
  }
}
