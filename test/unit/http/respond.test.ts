/**
 * Errors as HTTP answers: a store's own error (SQLite's SQLITE_*, a Mongo* error) is "unavailable,
 * try again" (503, KEFU_UNAVAILABLE), never a 500 with a stack; any other unexpected error is a
 * 500 whose message says nothing of the internals.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ErrorCodes } from '../../../src/errors';
import { sendError } from '../../../src/http/respond';

function serverFailingWith(err: unknown): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((_req, res) => sendError(res, err));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

const sqliteBusy = Object.assign(new Error('database is locked at /var/data/kefu.db'), { code: 'SQLITE_BUSY' });
const mongoDown = Object.assign(new Error('connection 3 to 10.0.0.5:27017 closed'), { name: 'MongoNetworkError' });

describe('sendError', () => {
  it.each([
    ['SQLite busy', sqliteBusy],
    ['MongoDB unreachable', mongoDown],
  ])('should answer a store error (%s) with 503 and KEFU_UNAVAILABLE, hiding its message', async (_name, err) => {
    const server = await serverFailingWith(err);
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(ErrorCodes.unavailable);
      expect(body.error.message).not.toMatch(/kefu\.db|27017|locked/);
    } finally {
      server.close();
    }
  });

  it('should answer any other unexpected error with a 500 that names no internals', async () => {
    const server = await serverFailingWith(new TypeError("Cannot read properties of undefined (reading 'secret')"));
    try {
      const res = await fetch(server.url);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(ErrorCodes.internal);
      expect(body.error.message).not.toMatch(/secret|undefined/);
    } finally {
      server.close();
    }
  });
});
