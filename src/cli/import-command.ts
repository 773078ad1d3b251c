/**
 * @module cli/import-command
 * `kefu import FOLDER`: validate, then write all or nothing through the store's ports.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { importShopFolder, ImportError } from '../import/import-shop';
import { openStores } from '../storage/open-stores';

export async function runImport(args: string[]): Promise<number> {
  const folder = args[0];
  if (!folder) {
    process.stderr.write('usage: kefu import FOLDER\n');
    return 2;
  }
  const stores = await openStores(loadConfig());
  try {
    const summary = await importShopFolder(path.resolve(folder), stores.shop);
    process.stdout.write(`imported ${JSON.stringify(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      process.stderr.write(err.message + '\n');
      return 1;
    }
    throw err;
  } finally {
    await stores.close();
  }
}
