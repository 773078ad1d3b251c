/**
 * The store contract against MongoDB, when `MONGODB_URI` points at a replica set (each test gets
 * its own database, dropped afterwards). Without it the suite is skipped and says so.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { openMongooseStores } from '../../src/storage/mongoose';
import { staffStoresContract } from './staff-stores.contract';
import { storesContract } from './stores.contract';

const uri = process.env.MONGODB_URI;

function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

if (uri) {
  const open = async () => {
    const dbUri = withDatabase(uri, `kefu_contract_${randomUUID().slice(0, 8)}`);
    const stores = await openMongooseStores(dbUri);
    return {
      ...stores,
      close: async () => {
        await stores.close();
        const conn = await mongoose.createConnection(dbUri).asPromise();
        await conn.dropDatabase();
        await conn.close();
      },
    };
  };
  storesContract('MongoDB (mongoose)', open);
  staffStoresContract('MongoDB (mongoose)', open);
} else {
  // Said in the test log too: a skipped test's name is not printed by jest's default reporter.
  console.info('MongoDB store contract skipped: MONGODB_URI is not set (point it at a replica set to run it).');
  describe('MongoDB (mongoose) stores (contract)', () => {
    it.skip('skipped: MONGODB_URI not set (set it to a replica set, e.g. mongodb://localhost:27017/?replicaSet=rs0, to run the contract on MongoDB)', () => undefined);
  });
}
