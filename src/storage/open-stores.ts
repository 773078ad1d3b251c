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
import type { TranscriptStore } from '../core/conversation';
import type { TurnCommit, TurnCommitter } from '../core/turn-store';

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

/**
 * The adapter's transcripts with `appendAll` committing one turn: what the privacy layer hands
 * over for its batch (the redacted replies and their raw copies) goes out with the turn's state.
 */
function committing(transcripts: Stores['transcripts'], turn: TurnCommit): TranscriptStore {
  const appendAll: TranscriptStore['appendAll'] = (replies, options) => transcripts.commitTurn({ ...turn, replies }, options);
  return Object.create(transcripts, { appendAll: { value: appendAll } }) as TranscriptStore;
}

/** The privacy layer over any store: transcripts, and the replies in a turn's one write, are stored redacted. */
export function withPrivacy(stores: Stores, privacy: PrivacySettings): Stores {
  const commitTurn: TurnCommitter['commitTurn'] = (turn) => new PrivateTranscriptStore(committing(stores.transcripts, turn), privacy).appendAll(turn.replies);
  return { ...stores, transcripts: Object.assign(new PrivateTranscriptStore(stores.transcripts, privacy), { commitTurn }) };
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
