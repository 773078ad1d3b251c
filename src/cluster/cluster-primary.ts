/**
 * @module cluster/cluster-primary
 * The primary of `kefu serve --workers N`: owns the port and hands each connection to a worker
 * (`@socket.io/sticky`: a socket.io session's requests stay on the worker that opened it, other
 * requests go to the workers in turn), relays room broadcasts between the
 * workers (`@socket.io/cluster-adapter`), and keeps the turn order of each conversation across
 * them (`turn-lock-table`). It serves nothing itself and never opens the store. On MongoDB the
 * workers share rooms and turns through the database instead (`server-hooks`), with the other
 * machines too; the primary only hands out connections and replaces workers.
 *
 * Start-up takes turns: the first worker alone migrates the store, imports the demo shop, trains
 * the model when needed and answers the messages a crash left unanswered; the others start once
 * it is ready (they find all of it done). A worker that dies is replaced; the conversations whose
 * turns it held or waited for (on MongoDB: every conversation) are replayed by the replacement,
 * and its shoppers' clients reconnect (to another worker) and resume.
 */
import cluster, { type Worker } from 'node:cluster';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupPrimary } from '@socket.io/cluster-adapter';
import { setupMaster } from '@socket.io/sticky';
import type { KefuConfig } from '../config';
import { createLogger } from '../log';
import { isKefuMessage, type ToPrimary, type ToWorker } from './cluster-messages';
import { REPLAY_ENV } from './cluster-messages';
import { TurnLockTable } from './turn-lock-table';

const log = createLogger('kefu:cluster');

/** A worker that dies this soon after it started is replaced after a pause (no busy crash loop). */
const QUICK_DEATH_MS = 5000;
const REFORK_PAUSE_MS = 1000;
/** How long a clean stop waits for the workers before it kills them. */
const STOP_WAIT_MS = 15000;

export interface KefuCluster {
  url: string;
  stop(): Promise<void>;
}

function send(worker: Worker | undefined, message: ToWorker): void {
  if (worker?.isConnected()) worker.send(message, undefined, {}, () => undefined);
}

/** Resolves when `worker` says it is ready; rejects when it exits first. */
function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      if (!isKefuMessage<ToPrimary>(message) || message.kefu !== 'ready') return;
      worker.off('exit', onExit);
      worker.off('message', onMessage);
      resolve();
    };
    const onExit = (code: number | null, signal: string | null): void => {
      worker.off('message', onMessage);
      reject(new Error(`worker ${worker.id} exited during start (${signal ?? `code ${code}`})`));
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
  });
}

/**
 * Forks `count` workers (this process's own command line runs in each), then listens.
 * @example const running = await runPrimary(loadConfig(), 2);
 */
export async function runPrimary(config: KefuConfig, count: number): Promise<KefuCluster> {
  // Broadcast packets may hold binary data; the default JSON serialization would mangle it.
  cluster.setupPrimary({ serialization: 'advanced' });
  setupPrimary();
  const locks = new TurnLockTable();
  let stopping = false;

  cluster.on('message', (worker, message: unknown) => {
    if (!isKefuMessage<ToPrimary>(message)) return;
    if (message.kefu === 'lock') {
      const granted = locks.acquire({ worker: worker.id, id: message.id, key: message.key });
      if (granted) send(worker, { kefu: 'granted', id: granted.id });
    } else if (message.kefu === 'unlock') {
      const next = locks.release(worker.id, message.id);
      if (next) send(cluster.workers?.[next.worker], { kefu: 'granted', id: next.id });
    }
  });

  const fork = (replay: 'all' | 'none'): Worker => {
    const worker = cluster.fork({ [REPLAY_ENV]: replay });
    const startedAt = Date.now();
    worker.on('online', () => process.stdout.write(`kefu worker ${worker.id} is pid ${worker.process.pid}\n`));
    worker.on('error', (err) => log.warn('worker %s: %s', worker.id, err.message));
    worker.once('exit', (code, signal) => {
      const { keys, granted } = locks.dropWorker(worker.id);
      for (const next of granted) send(cluster.workers?.[next.worker], { kefu: 'granted', id: next.id });
      if (stopping) return;
      log.warn('worker %s (pid %s) died (%s); starting another', worker.id, worker.process.pid, signal ?? `code ${code}`);
      const again = (): void => {
        if (stopping) return;
        const replacement = fork('none');
        ready(replacement)
          .then(() => {
            process.stdout.write(`kefu worker ${replacement.id} replaced worker ${worker.id}\n`);
            if (config.mongodbUri) send(replacement, { kefu: 'replay', conversations: null });
            else if (keys.length > 0) send(replacement, { kefu: 'replay', conversations: keys });
          })
          .catch((err) => {
            if (!stopping) log.error('a replacement worker did not start', err);
          });
      };
      if (Date.now() - startedAt < QUICK_DEATH_MS) setTimeout(again, REFORK_PAUSE_MS);
      else again();
    });
    return worker;
  };

  // Taking turns: the first worker prepares the store alone, then the others start together.
  await ready(fork('all'));
  await Promise.all(Array.from({ length: count - 1 }, () => ready(fork('none'))));

  const httpServer = http.createServer();
  // In turn, not least-connection: sticky counts a worker's sessions only once their handshake is
  // done, so a burst of new connections (shoppers arriving together, reconnecting after a worker
  // died) would all go to the same worker.
  setupMaster(httpServer, { loadBalancingMethod: 'round-robin' });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info('kefu listening on %s with %s workers', url, count);
  return {
    url,
    stop: async () => {
      stopping = true;
      httpServer.close();
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              const timer = setTimeout(() => w.process.kill('SIGKILL'), STOP_WAIT_MS);
              w.once('exit', () => (clearTimeout(timer), resolve()));
              w.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
