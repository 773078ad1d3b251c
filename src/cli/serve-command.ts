/**
 * @module cli/serve-command
 * `kefu serve [--workers N|auto]`: runs until SIGINT/SIGTERM, then closes cleanly. One worker
 * (the default) is one process, as always; more run as a cluster behind the one port (`cluster/`),
 * and each worker runs this same command.
 */
import cluster from 'node:cluster';
import { startServer } from '../app';
import { runPrimary } from '../cluster/cluster-primary';
import { runWorker } from '../cluster/cluster-worker';
import { loadConfig, workerCount } from '../config';

const USAGE = 'usage: kefu serve [--workers N|auto]\n';

/** `--workers N`, `--workers=N` or `KEFU_WORKERS` (`loadConfig`). */
function workersArg(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--workers') return args[i + 1] ?? '';
    if (args[i].startsWith('--workers=')) return args[i].slice('--workers='.length);
  }
  return undefined;
}

export async function runServe(args: string[]): Promise<void> {
  const config = loadConfig();
  const flag = workersArg(args);
  let workers = config.workers;
  try {
    if (flag !== undefined) workers = workerCount(flag, '--workers');
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (cluster.isWorker) return runWorker(config);
  let stop: () => Promise<void>;
  if (workers > 1) {
    const running = await runPrimary(config, workers);
    process.stdout.write(`kefu is serving the shop assistant at ${running.url} (${workers} workers)\n`);
    stop = running.stop;
  } else {
    const server = await startServer(config);
    process.stdout.write(`kefu is serving the shop assistant at ${server.url}\n`);
    stop = server.close;
  }
  const onSignal = (): void => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  await new Promise(() => undefined);
}
