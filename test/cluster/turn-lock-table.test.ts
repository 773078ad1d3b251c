/**
 * The primary's turn order across workers: per conversation one holder at a time, in request
 * order; other conversations independent; a dead worker's places are dropped and named.
 */
import { TurnLockTable } from '../../src/cluster/turn-lock-table';

test('one holder per conversation, next in request order; other conversations do not wait', () => {
  const table = new TurnLockTable();
  expect(table.acquire({ worker: 1, id: 1, key: 'a' })).toEqual({ worker: 1, id: 1, key: 'a' });
  expect(table.acquire({ worker: 2, id: 1, key: 'a' })).toBeNull();
  expect(table.acquire({ worker: 1, id: 2, key: 'a' })).toBeNull();
  expect(table.acquire({ worker: 2, id: 2, key: 'b' })).toEqual({ worker: 2, id: 2, key: 'b' });
  expect(table.release(1, 1)).toEqual({ worker: 2, id: 1, key: 'a' });
  expect(table.release(2, 1)).toEqual({ worker: 1, id: 2, key: 'a' });
  expect(table.release(1, 2)).toBeNull();
  expect(table.release(2, 2)).toBeNull();
  expect(table.size()).toBe(0);
});

test('an unknown or repeated release changes nothing', () => {
  const table = new TurnLockTable();
  table.acquire({ worker: 1, id: 1, key: 'a' });
  table.acquire({ worker: 2, id: 7, key: 'a' });
  expect(table.release(3, 1)).toBeNull();
  expect(table.release(1, 1)).toEqual({ worker: 2, id: 7, key: 'a' });
  expect(table.release(1, 1)).toBeNull();
  expect(table.size()).toBe(1);
});

test('a dead worker loses its places: the next waiter holds the turn, and its conversations are named for a replay', () => {
  const table = new TurnLockTable();
  table.acquire({ worker: 1, id: 1, key: 'a' }); // held by the dying worker
  table.acquire({ worker: 2, id: 1, key: 'a' });
  table.acquire({ worker: 2, id: 2, key: 'b' });
  table.acquire({ worker: 1, id: 2, key: 'b' }); // waiting
  table.acquire({ worker: 2, id: 3, key: 'c' });
  const dropped = table.dropWorker(1);
  expect(dropped.keys.sort()).toEqual(['a', 'b']);
  expect(dropped.granted).toEqual([{ worker: 2, id: 1, key: 'a' }]);
  expect(table.size()).toBe(3);
  expect(table.release(2, 2)).toBeNull(); // b: nobody left waiting
  expect(table.release(1, 2)).toBeNull(); // the dead worker's id is gone
});
