/**
 * @module cluster/room-sharing
 * Which socket.io adapter carries room broadcasts (a conversation's room, the staff room, an
 * agent's message) beyond one process, chosen from the configuration alone:
 * - `mongodb`: the store is MongoDB, so every process on every machine shares one database;
 *   `@socket.io/mongo-adapter` relays through it (`mongo-rooms`), workers of one machine included.
 * - `cluster`: a worker of `kefu serve --workers N` on the embedded store; the primary relays
 *   between the workers of this machine (`@socket.io/cluster-adapter`).
 * - `local`: one process on the embedded store; socket.io's in-memory adapter.
 */
import type { KefuConfig } from '../config';

export type RoomSharing = 'local' | 'cluster' | 'mongodb';

/**
 * @example roomSharingFor({ mongodbUri: undefined }, 'worker') // 'cluster'
 */
export function roomSharingFor(config: Pick<KefuConfig, 'mongodbUri'>, process: 'single' | 'worker'): RoomSharing {
  if (config.mongodbUri) return 'mongodb';
  return process === 'worker' ? 'cluster' : 'local';
}
