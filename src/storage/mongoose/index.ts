/**
 * @module storage/mongoose
 * The MongoDB store (placeholder until its adapters land).
 */
import type { Stores } from '../stores';

export async function openMongooseStores(_uri: string): Promise<Stores> {
  throw new Error('MONGODB_URI is set, but the MongoDB store is not built yet: unset it to use the embedded store');
}
