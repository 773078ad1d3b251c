/**
 * @module storage/mongoose/mongoose-staff-directory
 * Staff accounts; the unique index on the lower-case name refuses a name taken in any case.
 */
import type { StaffAccount, StaffDirectory } from '../../core/staff';
import { nameTaken, staffNameKey } from '../staff-store-rules';
import { isDuplicateKey } from './connection';
import type { StaffAccountDoc, StaffModels } from './staff-models';

const toAccount = (d: StaffAccountDoc): StaffAccount => ({
  id: d._id,
  name: d.name,
  displayName: d.displayName,
  role: d.role,
  passwordHash: d.passwordHash,
  createdAt: d.createdAt,
});

export class MongooseStaffDirectory implements StaffDirectory {
  constructor(private readonly m: StaffModels) {}

  async add(account: StaffAccount): Promise<StaffAccount> {
    const stored = { ...account, name: staffNameKey(account.name) };
    try {
      await this.m.Accounts.create({
        _id: stored.id,
        name: stored.name,
        displayName: stored.displayName,
        role: stored.role,
        passwordHash: stored.passwordHash,
        createdAt: stored.createdAt,
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw nameTaken(stored.name);
      throw err;
    }
    return stored;
  }

  async byName(name: string): Promise<StaffAccount | null> {
    const doc = await this.m.Accounts.findOne({ name: staffNameKey(name) }).lean<StaffAccountDoc>();
    return doc ? toAccount(doc) : null;
  }

  async byId(id: string): Promise<StaffAccount | null> {
    const doc = await this.m.Accounts.findOne({ _id: String(id) }).lean<StaffAccountDoc>();
    return doc ? toAccount(doc) : null;
  }

  async list(): Promise<StaffAccount[]> {
    return (await this.m.Accounts.find({}).sort({ createdAt: 1, name: 1 }).lean<StaffAccountDoc[]>()).map(toAccount);
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.m.Accounts.updateOne({ _id: String(id) }, { $set: { passwordHash: String(passwordHash) } }, { runValidators: true });
  }
}
