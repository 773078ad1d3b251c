/**
 * @module console/api
 * The console API client (src/staff/console-api.md): same-origin fetch with the session
 * cookie, JSON in and out. A refused request rejects with an `ApiError` carrying the
 * server's `{code, message}` (and any extra fields, e.g. `holder` of a conflict).
 */

export class ApiError extends Error {
  constructor(status, error) {
    super((error && error.message) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = (error && error.code) || (status === 0 ? 'NETWORK' : 'HTTP_' + status);
    this.detail = error || {};
  }
}

/** Called with every 401 outside login, so the app can show the login screen. */
let onUnauthorized = () => {};
export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

/** `?a=1&b=2` from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

async function send(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body || {});
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (err) {
    throw new ApiError(0, { code: 'NETWORK', message: String((err && err.message) || err) });
  }
  return res;
}

async function readError(res) {
  let payload = null;
  try {
    payload = await res.json();
  } catch (_) {
    /* not JSON: keep the status */
  }
  return new ApiError(res.status, payload && payload.error);
}

/**
 * One JSON request.
 * @example const { queue, active } = await api('GET', '/api/staff/live');
 */
export async function api(method, path, body) {
  const res = await send(method, path, body);
  if (!res.ok) {
    const err = await readError(res);
    if (res.status === 401 && !path.endsWith('/login')) onUnauthorized(err);
    throw err;
  }
  return res.json();
}

/** A download (exports): resolves with the body as a Blob and the server's file name. */
export async function download(path) {
  const res = await send('GET', path);
  if (!res.ok) {
    const err = await readError(res);
    if (res.status === 401) onUnauthorized(err);
    throw err;
  }
  const disposition = res.headers.get('Content-Disposition') || '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  return { blob: await res.blob(), filename: match ? match[1] : 'export' };
}
