import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRawBody, parseJsonObject } from '../../../src/http/body';
import { createHttpHandler } from '../../../src/http/http-handler';
import { HttpError } from '../../../src/http/respond';
import { Router } from '../../../src/http/router';

describe('Router', () => {
  const router = new Router().add(
    { method: 'GET', path: '/api/things/:id', handle: () => undefined },
    { method: 'POST', path: '/api/things/:id/parts', handle: () => undefined },
  );

  it('should match literal segments and decode parameters', () => {
    const found = router.match('GET', '/api/things/a%20b');
    expect(found).not.toBeNull();
    expect(found !== 'methodNotAllowed' && found?.params).toEqual({ id: 'a b' });
  });

  it('should tell a known path with the wrong method from an unknown path', () => {
    expect(router.match('DELETE', '/api/things/1')).toBe('methodNotAllowed');
    expect(router.match('GET', '/api/things/1/parts/2')).toBeNull();
    expect(router.match('GET', '/api/other/1')).toBeNull();
  });

  it('should answer HEAD with the GET route', () => {
    expect(router.match('HEAD', '/api/things/1')).not.toBeNull();
  });

  it('should not match a parameter that is not valid percent-encoding', () => {
    expect(router.match('GET', '/api/things/%E0%A4%A')).toBeNull();
  });

  it('should keep __proto__ as a plain parameter value', () => {
    const found = router.match('GET', '/api/things/__proto__');
    expect(found !== 'methodNotAllowed' && found?.params.id).toBe('__proto__');
  });
});

describe('createHttpHandler', () => {
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const router = new Router().add(
      {
        method: 'POST',
        path: '/echo',
        handle: async ({ req, res }) => {
          const body = parseJsonObject(await readRawBody(req, 64));
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.end(JSON.stringify(body));
        },
      },
      {
        method: 'GET',
        path: '/teapot',
        handle: () => {
          throw new HttpError(418, 'KEFU_TEAPOT', 'short and stout', { spout: true });
        },
      },
      {
        method: 'GET',
        path: '/boom',
        handle: () => {
          throw new Error('secret internals');
        },
      },
    );
    server = http.createServer(createHttpHandler(__dirname, () => ({}), router));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('should run a route with its JSON body', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: '{"a":1}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ a: 1 });
  });

  it('should refuse a body over the limit with 413', async () => {
    const res = await fetch(`${base}/echo`, { method: 'POST', body: JSON.stringify({ a: 'x'.repeat(100) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('KEFU_BAD_REQUEST');
  });

  it('should refuse malformed JSON and non-objects with 400', async () => {
    for (const body of ['{', '[1,2]', '"text"', 'null']) {
      const res = await fetch(`${base}/echo`, { method: 'POST', body });
      expect(res.status).toBe(400);
    }
  });

  it('should answer an HttpError with its status, code and extra fields', async () => {
    const res = await fetch(`${base}/teapot`);
    expect(res.status).toBe(418);
    expect(await res.json()).toEqual({ error: { code: 'KEFU_TEAPOT', message: 'short and stout', spout: true } });
  });

  it('should answer an unexpected error with 500 and no internals', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text).error.code).toBe('KEFU_INTERNAL');
  });

  it('should answer 405 for a known path with another method', async () => {
    const res = await fetch(`${base}/echo`);
    expect(res.status).toBe(405);
  });
});
