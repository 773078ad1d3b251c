/**
 * @module http/router
 * The plain HTTP routes beside socket.io: each feature (staff console, channels) contributes a
 * list of routes; paths are literal segments and `:name` parameters.
 * @example { method: 'POST', path: '/api/v1/conversations/:conversationId/messages', handle: onMessage }
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Decoded `:name` segments of the path. */
  params: Record<string, string>;
  url: URL;
}

export interface Route {
  method: HttpMethod;
  path: string;
  handle(request: RouteRequest): void | Promise<void>;
}

interface CompiledRoute extends Route {
  segments: string[];
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): this {
    for (const route of routes) this.routes.push({ ...route, segments: route.path.split('/').filter(Boolean) });
    return this;
  }

  /** The route for the method and path with its parameters; `methodNotAllowed` when only the path matches. */
  match(method: string, pathname: string): { route: Route; params: Record<string, string> } | 'methodNotAllowed' | null {
    const parts = pathname.split('/').filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params };
      pathMatched = true;
    }
    return pathMatched ? 'methodNotAllowed' : null;
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = Object.create(null);
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i];
    let got: string;
    try {
      got = decodeURIComponent(parts[i]);
    } catch {
      return null;
    }
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return null;
  }
  return params;
}
