/**
 * @module privacy/order-access
 * Which orders an anonymous shopper may see right now: the one definition of "currently
 * verified", used by the order flow before it shows an order and by `ChatService.history` before
 * it replays one.
 *
 * A right verification answer grants that order to the CONNECTION that gave it, until the shopper
 * has been idle there for `KEFU_VERIFICATION_IDLE_MINUTES` (each turn from that connection moves
 * the deadline on). The socket.io channel names the connection: each message carries the socket's
 * id in `channelData.session`. Another socket resuming the conversation id (the widget keeps it in
 * `localStorage`; the next person at a shared computer resumes it) holds no grant and is asked
 * again. Channels whose thread is the channel's own user (webhook, WeChat, Bot Framework) send no
 * session: their whole thread is one (`THREAD_SESSION`). A socket.io message without a session (one
 * replayed at start, after its connection died) belongs to no connection: it is never verified and
 * cannot verify.
 *
 * Grants live in the conversation's dialog-state memory (botbuilder `ConversationState`, property
 * `memory`, field `verified`): saved with the turn, deleted with the conversation by retention.
 */
import type { Storage } from 'botbuilder-core';
import type { Conversation } from '../core/conversation';
import { conversationStateKeys } from '../core/conversation-state-keys';

/** One order one connection has proven to own, and until when (ISO time) unless it is used again. */
export interface OrderGrant {
  orderId: string;
  session: string;
  until: string;
}

/** The bot's per-conversation memory property (`ConversationState.createProperty`). */
export const MEMORY_PROPERTY = 'memory';

/** The session of a channel whose conversation is bound to the channel's own user id. */
export const THREAD_SESSION = 'thread';

/** Channels where several connections can resume one conversation id: only a connection's own session counts. */
const CONNECTION_CHANNELS = new Set(['socketio']);

/** Grants kept per conversation (a few tabs times a few orders). */
const MAX_GRANTS = 20;

/**
 * The session a message came from, or null when it came from no live connection.
 * @example sessionOf({ session: 'Xy12' }, 'socketio') // 'Xy12'
 */
export function sessionOf(channelData: Record<string, unknown> | undefined, channel: string): string | null {
  const session = channelData?.session;
  if (typeof session === 'string' && session.length > 0) return session;
  return CONNECTION_CHANNELS.has(channel) ? null : THREAD_SESSION;
}

/**
 * The orders `session` may see at `now` (ms): granted to it and not idle past their time.
 * @example verifiedOrders(memory.verified, 'Xy12', Date.now()) // ['DD20261101008']
 */
export function verifiedOrders(grants: readonly OrderGrant[] | undefined, session: string | null, now: number): string[] {
  if (!session || !grants) return [];
  return grants.filter((g) => g.session === session && now < Date.parse(g.until)).map((g) => g.orderId);
}

/** The grants with `orderId` added for `session` (idle time from `now`), lapsed ones dropped. */
export function withGrant(grants: readonly OrderGrant[] | undefined, session: string, orderId: string, now: number, idleMs: number): OrderGrant[] {
  const others = current(grants, now).filter((g) => !(g.session === session && g.orderId === orderId));
  return [...others, { orderId, session, until: new Date(now + idleMs).toISOString() }].slice(-MAX_GRANTS);
}

/** The grants after a turn from `session` at `now`: its own move on by `idleMs`, lapsed ones dropped. */
export function touched(grants: readonly OrderGrant[] | undefined, session: string | null, now: number, idleMs: number): OrderGrant[] {
  const until = new Date(now + idleMs).toISOString();
  return current(grants, now).map((g) => (g.session === session ? { ...g, until } : g));
}

function current(grants: readonly OrderGrant[] | undefined, now: number): OrderGrant[] {
  return (grants ?? []).filter((g) => now < Date.parse(g.until));
}

/**
 * The grants stored for a conversation, read outside a turn (history).
 * @example verifiedOrders(await readGrants(stores.state, conversation), session, Date.now())
 */
export async function readGrants(storage: Storage, conversation: Conversation): Promise<OrderGrant[]> {
  const [key] = conversationStateKeys(conversation.id, conversation.channel);
  const state = (await storage.read([key]))[key] as Record<string, { verified?: OrderGrant[] } | undefined> | undefined;
  return state?.[MEMORY_PROPERTY]?.verified ?? [];
}
