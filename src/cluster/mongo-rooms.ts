/**
 * @module cluster/mongo-rooms
 * Room broadcasts across machines when the store is MongoDB (`@socket.io/mongo-adapter`): every
 * kefu process inserts the packets it broadcasts into a capped collection and reads the others'
 * from a change stream, so an agent's message written on one machine reaches the shopper's socket
 * on another. Change streams need a replica set (or a sharded cluster), which the store requires
 * anyway for its transactions; a standalone server stops the start with that reason. The same
 * connection serves the turn order of conversations across machines (`mongo-turn-order`).
 */
import { createAdapter } from '@socket.io/mongo-adapter';
import { MongoClient, MongoServerError, type Collection, type Db } from 'mongodb';
import type { Server } from 'socket.io';
import { MongoTurnOrder } from './mongo-turn-order';

/** The capped collection the adapter relays packets through. */
export const ROOM_EVENTS_COLLECTION = 'socketio_events';
/** Its size: packets are read from the change stream as they are inserted, so this only bounds disk. */
const ROOM_EVENTS_BYTES = 8 * 1024 * 1024;
/** MongoDB's "collection already exists". */
const NAMESPACE_EXISTS = 48;

export interface MongoRooms {
  /** Sets the adapter on every namespace of `io` (call before the namespaces are used). */
  attach(io: Server): void;
  turnOrder: MongoTurnOrder;
  close(): Promise<void>;
}

/** Refuses a standalone server: change streams (and the store's transactions) need a replica set. */
async function requireReplicaSet(db: Db): Promise<void> {
  const hello = (await db.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  if (hello.setName === undefined && hello.msg !== 'isdbgrid') {
    throw new Error('KEFU_MONGODB_URI: the server is not a replica set; kefu needs one (see "MongoDB" in the README: `mongod --replSet rs0`, then `rs.initiate()`)');
  }
}

/** Creates the capped collection on the first start; later starts (and other machines) find it. */
async function cappedCollection(db: Db): Promise<Collection> {
  try {
    await db.createCollection(ROOM_EVENTS_COLLECTION, { capped: true, size: ROOM_EVENTS_BYTES });
  } catch (err) {
    if (!(err instanceof MongoServerError && err.code === NAMESPACE_EXISTS)) throw err;
  }
  return db.collection(ROOM_EVENTS_COLLECTION);
}

/**
 * Connects to the store's database (the one `uri` names) for room broadcasts and turn order.
 * @example const rooms = await openMongoRooms(config.mongodbUri!); rooms.attach(io);
 */
export async function openMongoRooms(uri: string): Promise<MongoRooms> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    const db = client.db();
    await requireReplicaSet(db);
    const events = await cappedCollection(db);
    const turnOrder = await MongoTurnOrder.open(db);
    return {
      attach: (io) => void io.adapter(createAdapter(events)),
      turnOrder,
      close: async () => {
        turnOrder.stop();
        await client.close();
      },
    };
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
}
