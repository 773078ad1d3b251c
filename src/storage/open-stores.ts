/**
 * @module storage/open-stores
 * Picks the store from the configuration (MongoDB when `MONGODB_URI` is set, else the embedded
 * SQLite file) and guards it, so every caller sees `KEFU_UNAVAILABLE` / `KEFU_STORAGE_CONFLICT`.
 */
import type { KefuConfig } from '../config';
import { openEmbeddedStores } from './embedded';
import { guardStores } from './guarded-stores';
import type { Stores } from './stores';

export async function openStores(config: KefuConfig): Promise<Stores> {
  if (config.mongodbUri) {
    // The MongoDB adapter is issue 4; refusing is better than silently using another store.
    throw new Error('MONGODB_URI is set, but the MongoDB store is not built yet: unset it to use the embedded store');
  }
  return guardStores(openEmbeddedStores(config.dataDir));
}
