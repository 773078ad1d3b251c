/**
 * @module storage/mongoose/mongoose-assignments
 * Who holds which conversation: the conversation id is the document's `_id`, so of two takes at
 * once (from any number of servers) one inserts and the other gets a duplicate key and reads
 * the holder.
 */
import type { Assignment, Assignments } from '../../core/staff';
import { isDuplicateKey } from './connection';
import type { AssignmentDoc, StaffModels } from './staff-models';

const toAssignment = (d: AssignmentDoc): Assignment => ({ conversationId: d._id, staffId: d.staffId, staffName: d.staffName, since: d.since });

export class MongooseAssignments implements Assignments {
  constructor(private readonly m: StaffModels) {}

  async take(a: Assignment): Promise<{ ok: true } | { ok: false; holder: Assignment }> {
    // Released between our insert and our read: try again (a few times at most).
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.m.Assignments.create({ _id: String(a.conversationId), staffId: a.staffId, staffName: a.staffName, since: a.since });
        return { ok: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const holder = await this.get(a.conversationId);
      if (holder) return holder.staffId === a.staffId ? { ok: true } : { ok: false, holder };
    }
    throw new Error('assignment kept changing while taking it');
  }

  async release(conversationId: string, staffId: string): Promise<boolean> {
    return (await this.m.Assignments.deleteOne({ _id: String(conversationId), staffId: String(staffId) })).deletedCount === 1;
  }

  async get(conversationId: string): Promise<Assignment | null> {
    const doc = await this.m.Assignments.findOne({ _id: String(conversationId) }).lean<AssignmentDoc>();
    return doc ? toAssignment(doc) : null;
  }

  async list(): Promise<Assignment[]> {
    return (await this.m.Assignments.find({}).sort({ since: 1, _id: 1 }).lean<AssignmentDoc[]>()).map(toAssignment);
  }
}
