/**
 * @module storage/embedded/database
 * Opens the embedded SQLite database (write-ahead log on) and applies pending migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogger } from '../../log';
import { MIGRATIONS } from './migrations';

const log = createLogger('kefu:store');

export type SqliteDatabase = Database.Database;

/**
 * @example const db = openDatabase(path.join(dataDir, 'kefu.db'));
 */
export function openDatabase(file: string): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged message must survive a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: SqliteDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]);
      db.pragma(`user_version = ${version + 1}`);
    })();
    log.debug('applied migration %s', version + 1);
  }
}
