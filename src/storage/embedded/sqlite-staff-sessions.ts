/**
 * @module storage/embedded/sqlite-staff-sessions
 * Console sessions by the hash of their token. A session is live while `expiresAt` is after
 * `now`; expired ones are never returned and are swept when a new session is created.
 */
import type { StaffSession, StaffSessions } from '../../core/staff';
import type { SqliteDatabase } from './database';

interface Row {
  token_hash: string;
  staff_id: string;
  created_at: string;
  expires_at: string;
}

export class SqliteStaffSessions implements StaffSessions {
  constructor(private readonly db: SqliteDatabase) {}

  async create(session: StaffSession): Promise<void> {
    const sweep = this.db.statement('DELETE FROM staff_sessions WHERE expires_at <= ?');
    const insert = this.db.statement('INSERT OR REPLACE INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
    await this.db.write(() => {
      sweep.run(session.createdAt);
      insert.run(session.tokenHash, session.staffId, session.createdAt, session.expiresAt);
    });
  }

  async get(tokenHash: string, now: string): Promise<StaffSession | null> {
    const row = this.db
      .statement('SELECT * FROM staff_sessions WHERE token_hash = ? AND expires_at > ?')
      .get(String(tokenHash), String(now)) as Row | undefined;
    return row ? { tokenHash: row.token_hash, staffId: row.staff_id, createdAt: row.created_at, expiresAt: row.expires_at } : null;
  }

  async delete(tokenHash: string): Promise<void> {
    const remove = this.db.statement('DELETE FROM staff_sessions WHERE token_hash = ?');
    await this.db.write(() => remove.run(String(tokenHash)));
  }
}
