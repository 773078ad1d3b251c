/**
 * @module storage/mongoose/mongoose-audit-log
 * What staff did, newest first; `before` is an ISO time (entries strictly before it).
 */
import type { AuditAction, AuditEntry, AuditLog } from '../../core/staff';
import { auditLimit } from '../staff-store-rules';
import { trusted } from './connection';
import type { AuditDoc, StaffModels } from './staff-models';

const toEntry = (d: AuditDoc): AuditEntry => ({
  at: d.at,
  staffId: d.staffId,
  staffName: d.staffName,
  action: d.action as AuditAction,
  ...(d.conversationId !== null && d.conversationId !== undefined ? { conversationId: d.conversationId } : {}),
  ...(d.detail !== null && d.detail !== undefined ? { detail: JSON.parse(d.detail) as Record<string, unknown> } : {}),
});

export class MongooseAuditLog implements AuditLog {
  constructor(private readonly m: StaffModels) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.m.Audit.create({
      at: entry.at,
      staffId: entry.staffId,
      staffName: entry.staffName,
      action: entry.action,
      conversationId: entry.conversationId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    });
  }

  async list(options: { limit?: number; before?: string } = {}): Promise<AuditEntry[]> {
    const filter = options.before === undefined ? {} : { at: trusted({ $lt: String(options.before) }) };
    const docs = await this.m.Audit.find(filter).sort({ at: -1, _id: -1 }).limit(auditLimit(options.limit)).lean<AuditDoc[]>();
    return docs.map(toEntry);
  }
}
