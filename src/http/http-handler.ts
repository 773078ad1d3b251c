/**
 * @module http/http-handler
 * Plain HTTP routes beside socket.io (which answers `/socket.io/` itself, before these):
 * health, then static files, else 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, serveStatic } from './static-files';

export function createHttpHandler(publicDir: string, health: () => Record<string, unknown>) {
  const statics = serveStatic(publicDir);
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/healthz') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...health() }));
      return;
    }
    if (statics(req, res)) return;
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
  };
}
