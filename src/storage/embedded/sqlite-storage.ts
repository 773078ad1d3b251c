/**
 * @module storage/embedded/sqlite-storage
 * botbuilder's `Storage` (dialog and conversation state) on SQLite, with eTags:
 * a write carrying a stale eTag fails, `*` or no eTag overwrites (as botbuilder's MemoryStorage).
 */
import type { Storage, StoreItems } from 'botbuilder-core';
import { AppError, ErrorCodes } from '../../errors';
import type { SqliteDatabase } from './database';

export class SqliteStorage implements Storage {
  constructor(private readonly db: SqliteDatabase) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const select = this.db.prepare('SELECT etag, json FROM dialog_state WHERE key = ?');
    for (const key of keys) {
      const row = select.get(key) as { etag: number; json: string } | undefined;
      if (row) items[key] = { ...JSON.parse(row.json), eTag: String(row.etag) };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const select = this.db.prepare('SELECT etag FROM dialog_state WHERE key = ?');
    const upsert = this.db.prepare(
      `INSERT INTO dialog_state (key, etag, json) VALUES (?, 1, ?)
       ON CONFLICT (key) DO UPDATE SET etag = etag + 1, json = excluded.json`,
    );
    this.db.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...value } = (item ?? {}) as { eTag?: string };
        const row = select.get(key) as { etag: number } | undefined;
        if (row && eTag && eTag !== '*' && eTag !== String(row.etag)) {
          throw new AppError(ErrorCodes.storageConflict, `Storage: error writing "${key}" due to eTag conflict.`);
        }
        upsert.run(key, JSON.stringify(value));
      }
    })();
  }

  async delete(keys: string[]): Promise<void> {
    const del = this.db.prepare('DELETE FROM dialog_state WHERE key = ?');
    this.db.transaction(() => keys.forEach((key) => del.run(key)))();
  }
}
