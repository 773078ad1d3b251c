/**
 * @module http/http-handler
 * Plain HTTP beside socket.io (which answers `/socket.io/` itself, before this): health, the
 * routes features contribute (console API, channels), then static files, else 404.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLogger } from '../log';
import { HttpError, sendError, sendJson, statusOf } from './respond';
import type { Router } from './router';
import { SECURITY_HEADERS, serveStatic } from './static-files';

const log = createLogger('kefu:http');

export function createHttpHandler(publicDir: string, health: () => Record<string, unknown>, router?: Router) {
  const statics = serveStatic(publicDir);
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/healthz') {
      sendJson(res, 200, { ok: true, ...health() });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const found = router?.match(req.method ?? 'GET', url.pathname);
    if (found === 'methodNotAllowed') {
      sendError(res, new HttpError(405, 'KEFU_BAD_REQUEST', `${req.method} is not allowed here.`));
      return;
    }
    if (found) {
      Promise.resolve()
        .then(() => found.route.handle({ req, res, params: found.params, url }))
        .catch((err) => {
          // A refused request (bad body, rate limit…) is the caller's; a stack per refusal would let anyone flood the log.
          if (statusOf(err) >= 500) log.error('%s %s failed', req.method, url.pathname, err);
          else log.debug('%s %s refused: %s', req.method, url.pathname, (err as Error).message);
          sendError(res, err);
        });
      return;
    }
    if (statics(req, res)) return;
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
  };
}
