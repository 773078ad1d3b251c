/**
 * @module storage/mongoose/mongoose-staff-sessions
 * Console sessions by the hash of their token, live while `expiresAt` is after `now`; expired
 * ones are swept when a new session is created.
 */
import type { StaffSession, StaffSessions } from '../../core/staff';
import { trusted } from './connection';
import type { StaffModels, StaffSessionDoc } from './staff-models';

export class MongooseStaffSessions implements StaffSessions {
  constructor(private readonly m: StaffModels) {}

  async create(session: StaffSession): Promise<void> {
    await this.m.Sessions.deleteMany({ expiresAt: trusted({ $lte: String(session.createdAt) }) });
    await this.m.Sessions.replaceOne(
      { _id: String(session.tokenHash) },
      { staffId: session.staffId, createdAt: session.createdAt, expiresAt: session.expiresAt },
      { upsert: true, runValidators: true },
    );
  }

  async get(tokenHash: string, now: string): Promise<StaffSession | null> {
    const doc = await this.m.Sessions.findOne({ _id: String(tokenHash), expiresAt: trusted({ $gt: String(now) }) }).lean<StaffSessionDoc>();
    return doc ? { tokenHash: doc._id, staffId: doc.staffId, createdAt: doc.createdAt, expiresAt: doc.expiresAt } : null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.m.Sessions.deleteOne({ _id: String(tokenHash) });
  }
}
