/**
 * @module storage/embedded/sqlite-staff-directory
 * Staff accounts. Names are stored lower-case under a unique index: `Alice` and `alice` are one
 * name, and two concurrent adds of it give one account and one `KEFU_CONFLICT`.
 */
import type { StaffAccount, StaffDirectory, StaffRole } from '../../core/staff';
import { nameTaken, staffNameKey } from '../staff-store-rules';
import type { SqliteDatabase } from './database';

interface Row {
  id: string;
  name: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
}

function toAccount(row: Row): StaffAccount {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    role: row.role as StaffRole,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  };
}

export class SqliteStaffDirectory implements StaffDirectory {
  constructor(private readonly db: SqliteDatabase) {}

  async add(account: StaffAccount): Promise<StaffAccount> {
    const stored = { ...account, name: staffNameKey(account.name) };
    const insert = this.db.statement(
      `INSERT INTO staff_accounts (id, name, display_name, role, password_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
    );
    const result = await this.db.write(() =>
      insert.run(stored.id, stored.name, stored.displayName, stored.role, stored.passwordHash, stored.createdAt),
    );
    if (result.changes === 0) throw nameTaken(stored.name);
    return stored;
  }

  async byName(name: string): Promise<StaffAccount | null> {
    const row = this.db.statement('SELECT * FROM staff_accounts WHERE name = ?').get(staffNameKey(name)) as Row | undefined;
    return row ? toAccount(row) : null;
  }

  async byId(id: string): Promise<StaffAccount | null> {
    const row = this.db.statement('SELECT * FROM staff_accounts WHERE id = ?').get(String(id)) as Row | undefined;
    return row ? toAccount(row) : null;
  }

  async list(): Promise<StaffAccount[]> {
    return (this.db.statement('SELECT * FROM staff_accounts ORDER BY created_at, name').all() as Row[]).map(toAccount);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    const update = this.db.statement('UPDATE staff_accounts SET password_hash = ? WHERE id = ?');
    await this.db.write(() => update.run(passwordHash, String(id)));
  }
}
