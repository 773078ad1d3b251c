/**
 * @module cluster/cluster-worker
 * One worker of `kefu serve --workers N`: the whole server (`startServer`), except that it does
 * not listen — the primary passes it connections (`@socket.io/sticky`: every request of one
 * socket.io session reaches the same worker) — and its socket.io rooms span the workers
 * (`@socket.io/cluster-adapter`, or on MongoDB the machines too), so a broadcast to a
 * conversation's room or to the staff room reaches sockets on every worker. Turns are ordered
 * across workers (`cluster-turn-order`, or `mongo-turn-order`): see `server-hooks`.
 */
import cluster from 'node:cluster';
import { startServer } from '../app';
import type { KefuConfig } from '../config';
import { createLogger } from '../log';
import { isKefuMessage, type ToPrimary, type ToWorker } from './cluster-messages';
import { workerHooks } from './server-hooks';

const log = createLogger('kefu:cluster');

export async function runWorker(config: KefuConfig): Promise<void> {
  const workerId = String(cluster.worker?.id ?? process.pid);
  const server = await startServer(config, await workerHooks(config, workerId));
  process.on('message', (message: unknown) => {
    if (!isKefuMessage<ToWorker>(message) || message.kefu !== 'replay') return;
    const since = new Date(Date.now() - config.replayMinutes * 60_000).toISOString();
    if (config.replayMinutes > 0) void server.chat.replayUnanswered({ since, conversations: message.conversations ? new Set(message.conversations) : undefined });
  });
  const stop = (): void => {
    void server
      .close()
      .catch((err) => log.error('worker %s did not close cleanly', workerId, err))
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', () => undefined); // the primary decides (a terminal's Ctrl-C reaches every process)
  process.send?.({ kefu: 'ready' } satisfies ToPrimary);
}
