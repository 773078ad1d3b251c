/**
 * @module cli/serve-command
 * `kefu serve [--shop DIR] [--workers N|auto]`: runs until SIGINT/SIGTERM, then closes cleanly.
 * `--shop DIR` (or `KEFU_SHOP_DIR`) is the shop folder read over the built-in content (the demo
 * shop when neither is given). One worker (the default) is one process, as always; more run as a
 * cluster behind the one port (`cluster/`), and each worker runs this same command with the same
 * arguments.
 */
import cluster from 'node:cluster';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../app';
import { singleProcessHooks } from '../cluster/server-hooks';
import { runPrimary } from '../cluster/cluster-primary';
import { runWorker } from '../cluster/cluster-worker';
import { loadConfig, workerCount, type KefuConfig } from '../config';
import { shopContent } from '../shop-folder/shop-content';
import { ShopFolderError } from '../shop-folder/shop-folder-error';

export const SERVE_USAGE = 'usage: kefu serve [--shop DIR] [--workers N|auto]\n';

const OPTIONS = {
  shop: { type: 'string' },
  workers: { type: 'string' },
} as const;

/** The configuration with `--shop` and `--workers` over the environment's; a usage error throws. */
function configFrom(args: string[]): KefuConfig {
  const { values } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false });
  const config = loadConfig();
  if (values.shop !== undefined) {
    if (values.shop.trim() === '') throw new Error('--shop needs a folder');
    config.shopDir = path.resolve(values.shop);
  }
  if (values.workers !== undefined) config.workers = workerCount(values.workers, '--workers');
  return config;
}

export async function runServe(args: string[]): Promise<void> {
  let config: KefuConfig;
  try {
    config = configFrom(args);
    // A bad shop folder stops here with its reason, before any worker starts.
    if (!cluster.isWorker) shopContent(config);
  } catch (err) {
    process.stderr.write(`kefu serve: ${(err as Error).message}\n${err instanceof ShopFolderError ? '' : SERVE_USAGE}`);
    process.exit(2);
  }
  if (cluster.isWorker) return runWorker(config);
  let stop: () => Promise<void>;
  const shop = config.shopDir ? ` for the shop in ${config.shopDir}` : '';
  if (config.workers > 1) {
    const running = await runPrimary(config, config.workers);
    process.stdout.write(`kefu is serving the shop assistant at ${running.url} (${config.workers} workers)${shop}\n`);
    stop = running.stop;
  } else {
    // On MongoDB one process still shares rooms and turn order with the servers on other machines.
    const server = await startServer(config, await singleProcessHooks(config));
    process.stdout.write(`kefu is serving the shop assistant at ${server.url}${shop}\n`);
    stop = server.close;
  }
  const onSignal = (): void => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await new Promise(() => undefined);
}
