/**
 * Which adapter carries room broadcasts beyond one process, for which configuration (issue 13,
 * "Both cores" across machines), and what each process is given by `server-hooks`: checked
 * without a MongoDB server (the end-to-end test across two servers is `mongo-two-servers`).
 */
import http from 'node:http';
import { NodeClusterAdapter } from '@socket.io/cluster-adapter';
import { Server } from 'socket.io';
import { loadConfig } from '../../src/config';
import { ClusterTurnOrder } from '../../src/cluster/cluster-turn-order';
import { roomSharingFor } from '../../src/cluster/room-sharing';
import { sharingFor, singleProcessHooks, workerHooks } from '../../src/cluster/server-hooks';

/** Nothing listens here: a MongoDB URI that cannot be reached. */
const UNREACHABLE = 'mongodb://127.0.0.1:9/kefu-test?replicaSet=rs0';

describe('roomSharingFor', () => {
  it('should share rooms through MongoDB whenever the store is MongoDB, one process or a worker', () => {
    expect(roomSharingFor({ mongodbUri: 'mongodb://db:27017/kefu?replicaSet=rs0' }, 'single')).toBe('mongodb');
    expect(roomSharingFor({ mongodbUri: 'mongodb://db:27017/kefu?replicaSet=rs0' }, 'worker')).toBe('mongodb');
  });

  it('should share rooms through the primary for a worker on the embedded store, and not at all for one process', () => {
    expect(roomSharingFor({ mongodbUri: undefined }, 'worker')).toBe('cluster');
    expect(roomSharingFor({ mongodbUri: undefined }, 'single')).toBe('local');
  });

  it('should read the choice from KEFU_MONGODB_URI and the older MONGODB_URI', () => {
    expect(roomSharingFor(loadConfig({}, { KEFU_MONGODB_URI: 'mongodb://db/kefu' }), 'single')).toBe('mongodb');
    expect(roomSharingFor(loadConfig({}, { MONGODB_URI: 'mongodb://db/kefu' }), 'single')).toBe('mongodb');
    expect(roomSharingFor(loadConfig({}, {}), 'single')).toBe('local');
  });
});

describe('server hooks', () => {
  it('should give one process on the embedded store no hooks (it listens, in-memory rooms, turns in process)', async () => {
    expect(await singleProcessHooks(loadConfig({}, {}))).toBeUndefined();
  });

  it('should share a worker\'s rooms on the embedded store through the primary: the cluster adapter on every namespace, the primary\'s turn order', async () => {
    const sharing = await sharingFor(loadConfig({}, {}), 'worker');
    const io = new Server(http.createServer());
    try {
      sharing!.adapt(io);
      expect(io.of('/chat').adapter).toBeInstanceOf(NodeClusterAdapter);
      expect(io.of('/staff').adapter).toBeInstanceOf(NodeClusterAdapter);
      expect(sharing!.turnOrder).toBeInstanceOf(ClusterTurnOrder);
    } finally {
      io.close();
    }
  });

  it.each([
    ['one process', () => singleProcessHooks(loadConfig({}, { KEFU_MONGODB_URI: UNREACHABLE }))],
    ['a worker', () => workerHooks(loadConfig({}, { KEFU_MONGODB_URI: UNREACHABLE }), '1')],
  ])('should stop the start of %s on MongoDB when the database cannot be reached', async (_, open) => {
    await expect(open()).rejects.toThrow(/ECONNREFUSED|Server selection timed out/);
  }, 20_000);
});
