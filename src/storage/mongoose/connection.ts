/**
 * @module storage/mongoose/connection
 * Opens the MongoDB connection for the store: filters sanitised (a `{"$gt": ""}` that reaches a
 * query is compared as a value, never run as an operator; kefu's own operators are marked with
 * `mongoose.trusted`), strict schemas and queries, and a transaction helper.
 */
import mongoose, { type ClientSession, type Connection } from 'mongoose';

/**
 * @example const conn = await openConnection(loadConfig().mongodbUri!);
 */
export async function openConnection(uri: string): Promise<Connection> {
  mongoose.set('sanitizeFilter', true);
  mongoose.set('strictQuery', 'throw');
  const conn = mongoose.createConnection(uri, {
    // Acknowledged by a majority and journaled: an acknowledged message survives a failover.
    writeConcern: { w: 'majority', j: true },
    readConcern: { level: 'majority' },
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    // Also per connection, in case the application shares mongoose with other code.
    sanitizeFilter: true,
  });
  await conn.asPromise();
  return conn;
}

/**
 * Runs `work` in a transaction (replica set or sharded cluster): all of it or none of it.
 * @example await inTransaction(conn, (session) => Orders.updateOne(filter, update, { session }));
 */
export function inTransaction<T>(conn: Connection, work: (session: ClientSession) => Promise<T>): Promise<T> {
  return conn.transaction(work);
}

/** Marks one of kefu's own query operators as trusted (sanitizeFilter strips the others). */
export const trusted = <T>(operator: T): T => mongoose.trusted(operator) as T;

/** True for MongoDB's duplicate-key error (a unique index refused the insert). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
