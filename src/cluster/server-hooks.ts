/**
 * @module cluster/server-hooks
 * What `startServer` is given to share its rooms and turn order beyond its own process
 * (`room-sharing` picks the way from the configuration): a cluster worker on the embedded store
 * uses the primary (`@socket.io/cluster-adapter`, `cluster-turn-order`); any process on MongoDB,
 * worker or not, uses the database (`mongo-rooms`), which reaches the other machines too. One
 * process on the embedded store needs nothing.
 */
import { createAdapter } from '@socket.io/cluster-adapter';
import { setupWorker } from '@socket.io/sticky';
import type { Server } from 'socket.io';
import type { WorkerHooks } from '../app';
import type { KefuConfig } from '../config';
import type { TurnOrder } from '../core/turn-queue';
import { REPLAY_ENV } from './cluster-messages';
import { ClusterTurnOrder } from './cluster-turn-order';
import { openMongoRooms } from './mongo-rooms';
import { roomSharingFor } from './room-sharing';

/** The response header naming the worker that opened a socket.io session (cluster worker id). */
export const WORKER_HEADER = 'x-kefu-worker';

/** Rooms and turns shared beyond this process. */
export interface Sharing {
  /** Sets the adapter that relays room broadcasts (before the namespaces are used). */
  adapt(io: Server): void;
  turnOrder: TurnOrder;
  close?(): Promise<void>;
}

/**
 * How this process shares rooms and turns: nothing for one process on the embedded store.
 * @example const sharing = await sharingFor(config, 'worker');
 */
export async function sharingFor(config: KefuConfig, process: 'single' | 'worker'): Promise<Sharing | undefined> {
  const way = roomSharingFor(config, process);
  if (way === 'mongodb') {
    const rooms = await openMongoRooms(config.mongodbUri!);
    return { adapt: rooms.attach, turnOrder: rooms.turnOrder, close: rooms.close };
  }
  if (way === 'cluster') return { adapt: (io) => void io.adapter(createAdapter()), turnOrder: new ClusterTurnOrder() };
  return undefined;
}

/**
 * The hooks of a cluster worker: connections come from the primary (`@socket.io/sticky`), rooms
 * and turns are shared through the primary or, on MongoDB, through the database.
 * @example const server = await startServer(config, await workerHooks(config, '1'));
 */
export async function workerHooks(config: KefuConfig, workerId: string): Promise<WorkerHooks> {
  const sharing = (await sharingFor(config, 'worker'))!;
  return {
    attach: (io) => {
      sharing.adapt(io);
      setupWorker(io);
      io.engine.on('initial_headers', (headers: Record<string, string>) => {
        headers[WORKER_HEADER] = workerId;
      });
    },
    turnOrder: sharing.turnOrder,
    replay: process.env[REPLAY_ENV] === 'all',
    close: sharing.close,
  };
}

/**
 * The hooks of `kefu serve` in one process: none on the embedded store; on MongoDB, rooms and
 * turns shared with the other machines, and the process listens itself.
 * @example const server = await startServer(config, await singleProcessHooks(config));
 */
export async function singleProcessHooks(config: KefuConfig): Promise<WorkerHooks | undefined> {
  const sharing = await sharingFor(config, 'single');
  return sharing && { attach: sharing.adapt, turnOrder: sharing.turnOrder, replay: true, listens: true, close: sharing.close };
}
