/**
 * @module cli/serve-command
 * `kefu serve`: runs until SIGINT/SIGTERM, then closes cleanly.
 */
import { startServer } from '../app';
import { loadConfig } from '../config';

export async function runServe(_args: string[]): Promise<void> {
  const server = await startServer(loadConfig());
  process.stdout.write(`kefu is serving the shop assistant at ${server.url}\n`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => undefined);
}
