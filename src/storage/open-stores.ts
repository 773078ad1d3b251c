/**
 * @module storage/open-stores
 * Picks the store from the configuration (MongoDB when `KEFU_MONGODB_URI` is set, else the embedded
 * SQLite file), stores transcripts redacted (privacy), and applies the retention setting at start and every
 * six hours.
 */
import type { KefuConfig } from '../config';
import { createLogger } from '../log';
import { PrivateTranscriptStore } from '../privacy/private-transcript-store';
import type { PrivacySettings } from '../privacy/privacy-settings';
import { applyRetention } from '../privacy/retention';
import { openEmbeddedStores } from './embedded';
import type { Stores } from '../core/stores';

const log = createLogger('kefu:store');
const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;

async function openAdapter(config: KefuConfig): Promise<Stores> {
  if (config.mongodbUri) {
    // Loaded only when asked for: the embedded store does not pay for mongoose.
    const { openMongooseStores } = await import('./mongoose');
    return openMongooseStores(config.mongodbUri);
  }
  return openEmbeddedStores(config.dataDir);
}

/** The privacy layer over any store. */
export function withPrivacy(stores: Stores, privacy: PrivacySettings): Stores {
  return { ...stores, transcripts: new PrivateTranscriptStore(stores.transcripts, privacy) };
}

export async function openStores(config: KefuConfig, privacy: PrivacySettings = config.privacy): Promise<Stores> {
  const stores = withPrivacy(await openAdapter(config), privacy);
  const retain = async (): Promise<void> => {
    try {
      const result = await applyRetention(stores, privacy.retentionDays);
      if (result.conversationsDeleted || result.rawPurged) log.info('retention: %s', JSON.stringify(result));
    } catch (err) {
      log.warn('retention failed: %s', err instanceof Error ? err.message : String(err));
    }
  };
  await retain();
  const timer = setInterval(() => void retain(), RETENTION_EVERY_MS);
  timer.unref();
  return {
    ...stores,
    close: async () => {
      clearInterval(timer);
      await stores.close();
    },
  };
}
