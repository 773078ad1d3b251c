/**
 * @module cli/retention-command
 * `kefu retention [--days N]`: deletes conversations with no activity for N days (default:
 * `KEFU_RETENTION_DAYS`) and forgets raw copies whose retention is over.
 */
import { loadConfig } from '../config';
import { applyRetention } from '../privacy/retention';
import { openStores } from '../storage/open-stores';

const USAGE = 'usage: kefu retention [--days N]   (default: KEFU_RETENTION_DAYS; 0 keeps conversations)\n';

export async function runRetention(args: string[]): Promise<number> {
  const config = loadConfig();
  const privacy = config.privacy;
  let days = privacy.retentionDays;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--days' && args[i + 1] !== undefined && /^\d+(\.\d+)?$/.test(args[i + 1])) {
      days = Number(args[++i]);
    } else {
      process.stderr.write(USAGE);
      return 2;
    }
  }
  // The store is opened without its automatic retention: this command reports what it did.
  const stores = await openStores(config, { ...privacy, retentionDays: 0 });
  try {
    const result = await applyRetention(stores, days);
    const deleted = days > 0 ? `deleted ${result.conversationsDeleted} conversation(s) idle since ${result.cutoff}` : 'kept every conversation (--days 0)';
    process.stdout.write(`${deleted}; forgot ${result.rawPurged} expired raw cop(ies)\n`);
    return 0;
  } finally {
    await stores.close();
  }
}
