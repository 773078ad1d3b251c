/**
 * @module storage/embedded/sqlite-audit-log
 * What staff did, newest first. `before` is an ISO time: the next page starts strictly before
 * the oldest entry of the previous one.
 */
import type { AuditAction, AuditEntry, AuditLog } from '../../core/staff';
import { auditLimit } from '../staff-store-rules';
import type { SqliteDatabase } from './database';

interface Row {
  at: string;
  staff_id: string;
  staff_name: string;
  action: string;
  conversation_id: string | null;
  detail: string | null;
}

function toEntry(row: Row): AuditEntry {
  return {
    at: row.at,
    staffId: row.staff_id,
    staffName: row.staff_name,
    action: row.action as AuditAction,
    ...(row.conversation_id !== null ? { conversationId: row.conversation_id } : {}),
    ...(row.detail !== null ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
  };
}

export class SqliteAuditLog implements AuditLog {
  constructor(private readonly db: SqliteDatabase) {}

  async record(entry: AuditEntry): Promise<void> {
    const insert = this.db.statement('INSERT INTO audit_log (at, staff_id, staff_name, action, conversation_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
    const row = [
      entry.at,
      entry.staffId,
      entry.staffName,
      entry.action,
      entry.conversationId ?? null,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    ];
    await this.db.write(() => insert.run(...row));
  }

  async list(options: { limit?: number; before?: string } = {}): Promise<AuditEntry[]> {
    const limit = auditLimit(options.limit);
    const rows = (
      options.before === undefined
        ? this.db.statement('SELECT * FROM audit_log ORDER BY at DESC, seq DESC LIMIT ?').all(limit)
        : this.db.statement('SELECT * FROM audit_log WHERE at < ? ORDER BY at DESC, seq DESC LIMIT ?').all(String(options.before), limit)
    ) as Row[];
    return rows.map(toEntry);
  }
}
