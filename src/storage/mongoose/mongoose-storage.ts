/**
 * @module storage/mongoose/mongoose-storage
 * botbuilder's `Storage` (dialog state) on MongoDB with eTags. A write with an eTag is a
 * conditional `findOneAndUpdate` on `{_id, eTag}`: when another writer got there first nothing
 * matches and the write fails with `KEFU_STORAGE_CONFLICT` (the chat service re-runs the turn).
 * `*` or no eTag overwrites. A batch is one transaction: all or nothing.
 */
import type { Storage, StoreItems } from 'botbuilder-core';
import type { ClientSession, Connection } from 'mongoose';
import { AppError, ErrorCodes } from '../../errors';
import { inTransaction, isDuplicateKey, trusted } from './connection';
import type { DialogStateDoc, KefuModels } from './models';

const conflict = (key: string): AppError =>
  new AppError(ErrorCodes.storageConflict, `Storage: error writing "${key}" due to eTag conflict.`);

/**
 * Writes `changes` inside the transaction of `session` (alone, or with the rest of a turn's
 * results): throws `KEFU_STORAGE_CONFLICT` when a key's eTag is stale.
 */
export async function writeDialogStates(m: KefuModels, session: ClientSession, changes: StoreItems): Promise<void> {
  for (const [key, item] of Object.entries(changes)) {
    const { eTag, ...value } = (item ?? {}) as { eTag?: string };
    const body = JSON.stringify(value);
    if (eTag && eTag !== '*') {
      const expected = Number(eTag);
      if (!Number.isInteger(expected)) throw conflict(key);
      const updated = await m.DialogStates.findOneAndUpdate(
        { _id: key, eTag: expected },
        { $set: { json: body }, $inc: { eTag: 1 } },
        { session, returnDocument: 'after' },
      ).lean();
      if (updated) continue;
      // No match: changed by someone else (conflict) or never written (create it, as MemoryStorage does).
      if (await m.DialogStates.exists({ _id: key }).session(session)) throw conflict(key);
      try {
        await m.DialogStates.create([{ _id: key, eTag: 1, json: body }], { session });
      } catch (err) {
        if (isDuplicateKey(err)) throw conflict(key);
        throw err;
      }
      continue;
    }
    await m.DialogStates.updateOne({ _id: key }, { $set: { json: body }, $inc: { eTag: 1 } }, { session, upsert: true });
  }
}

export class MongooseStorage implements Storage {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const docs = await this.m.DialogStates.find({ _id: trusted({ $in: keys.map(String) }) }).lean<DialogStateDoc[]>();
    const items: StoreItems = {};
    for (const d of docs) items[d._id] = { ...JSON.parse(d.json), eTag: String(d.eTag) };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await inTransaction(this.conn, (session) => writeDialogStates(this.m, session, changes));
  }

  async delete(keys: string[]): Promise<void> {
    await this.m.DialogStates.deleteMany({ _id: trusted({ $in: keys.map(String) }) });
  }
}
