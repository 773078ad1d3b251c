/**
 * @module http/static-files
 * Serves `public/` (the demo shop page and the widget). Paths are resolved inside the folder
 * only; anything else is a 404. HTML pages carry a Content-Security-Policy and frame protection
 * (`document-headers`); other files only the shared headers, so the widget stays embeddable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { documentHeaders } from './document-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

function redirect(res: ServerResponse, location: string): true {
  res.writeHead(301, { ...SECURITY_HEADERS, Location: location, 'Content-Length': 0 });
  res.end();
  return true;
}

interface Page {
  /** The file's identity when it was read: a changed file is read again. */
  version: string;
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * An HTML page with its headers, read whole (pages are small) so that the hashes in its policy
 * are of the very bytes sent.
 */
function pageReader(): (file: string, stat: fs.Stats) => Page {
  const pages = new Map<string, Page>();
  return (file, stat) => {
    const version = `${stat.mtimeMs}:${stat.size}`;
    const cached = pages.get(file);
    if (cached?.version === version) return cached;
    const body = fs.readFileSync(file);
    const page = { version, body, headers: documentHeaders(body.toString('utf8')) };
    pages.set(file, page);
    return page;
  };
}

export function serveStatic(root: string) {
  const base = path.resolve(root);
  const readPage = pageReader();
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return false;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.resolve(base, '.' + pathname);
    if (!file.startsWith(base + path.sep)) return false;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      return false;
    }
    // `/console` → `/console/` (its index.html); the target is rebuilt from the resolved path, never an open redirect.
    if (stat.isDirectory() && !pathname.endsWith('/')) return redirect(res, '/' + path.relative(base, file).split(path.sep).map(encodeURIComponent).join('/') + '/');
    if (!stat.isFile()) return false;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (path.extname(file) === '.html') {
      const page = readPage(file, stat);
      res.writeHead(200, { ...SECURITY_HEADERS, ...page.headers, 'Content-Type': type, 'Content-Length': page.body.length, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : page.body);
      return true;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
    return true;
  };
}
