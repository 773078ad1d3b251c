/**
 * @module channels/botframework/local-emulator
 * What an unauthenticated request must look like to be answered (no `KEFU_BOTFRAMEWORK_APP_ID`, and
 * `KEFU_BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true` for testing with the Bot Framework Emulator).
 * Nobody vouches for the caller then, and kefu POSTs its replies to whatever `serviceUrl` the
 * body names, so both ends must be this machine: the request comes from a loopback address and
 * not through a proxy, and the `serviceUrl` is a loopback origin (no path, query or
 * credentials: kefu appends the Connector's `/v3/conversations/{id}/activities/{id}` to it, and
 * ids that are dot segments would climb out of that path). Redirects from there are not followed
 * (`no-redirects`).
 */
import type { IncomingMessage } from 'node:http';
import { ErrorCodes } from '../../errors';
import { HttpError } from '../../http/respond';

/** Headers a reverse proxy adds: behind one, a loopback peer address says nothing about the caller. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host', 'via'];
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Whether a peer address (`socket.remoteAddress`) is this machine: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return IPV4_LOOPBACK.test(v4) || address === '::1';
}

/** Whether a host name or address (a URL's `hostname`, `KEFU_HOST`) names this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'localhost' || h === '[::1]' || isLoopbackAddress(h);
}

/**
 * Whether `serviceUrl` is on this machine (a loopback address, as the Bot Framework Emulator's).
 * The URL parser normalises the other spellings of an IPv4 address (`127.1`, `0x7f.0.0.1`, a
 * decimal number), so they are judged by their real address.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  try {
    return isLoopbackHost(new URL(serviceUrl).hostname);
  } catch {
    return false;
  }
}

const refused = (message: string): HttpError =>
  new HttpError(
    403,
    ErrorCodes.forbidden,
    `${message} Without KEFU_BOTFRAMEWORK_APP_ID only the Bot Framework Emulator on this machine is answered; set KEFU_BOTFRAMEWORK_APP_ID and KEFU_BOTFRAMEWORK_APP_PASSWORD for a channel.`,
  );

const badServiceUrl = (message: string): HttpError =>
  new HttpError(
    400,
    ErrorCodes.badRequest,
    `${message} Without KEFU_BOTFRAMEWORK_APP_ID only a serviceUrl on this machine (the Bot Framework Emulator) is answered. Set KEFU_BOTFRAMEWORK_APP_ID and KEFU_BOTFRAMEWORK_APP_PASSWORD for a channel.`,
  );

const isDotSegment = (id: unknown): boolean => id === '.' || id === '..';

/**
 * Refuses an unauthenticated request unless it comes from this machine to this machine.
 * @throws HttpError 403 for the caller, 400 for the activity's `serviceUrl` or ids.
 */
export function checkLocalEmulatorRequest(req: IncomingMessage, activity: Record<string, unknown>): void {
  if (!isLoopbackAddress(req.socket.remoteAddress)) throw refused('The request does not come from this machine.');
  if (PROXY_HEADERS.some((name) => req.headers[name] !== undefined)) throw refused('The request came through a proxy.');
  const serviceUrl = String(activity.serviceUrl);
  if (!isLoopbackServiceUrl(serviceUrl)) throw badServiceUrl('serviceUrl is not on this machine.');
  const url = new URL(serviceUrl);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw badServiceUrl('serviceUrl must be an origin (scheme, host and port) without path, query or credentials.');
  }
  const conversation = activity.conversation as { id?: unknown } | undefined;
  if (isDotSegment(conversation?.id) || isDotSegment(activity.id)) throw badServiceUrl('conversation.id and id must not be "." or "..".');
}
