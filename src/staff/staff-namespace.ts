/**
 * @module staff/staff-namespace
 * The `/staff` socket.io namespace: the handshake must carry a valid console session cookie (and,
 * when the browser names its origin, come from this host); logged-in staff then receive every
 * stored activity (staff copy, redacted) and every conversation change, live.
 */
import type { Namespace, Socket } from 'socket.io';
import type { ChatService } from '../chat/chat-service';
import type { ChatActivity, Conversation, HandoffQueue } from '../core/conversation';
import type { Assignment, Assignments } from '../core/staff';
import type { HandoffEntry } from '../core/conversation';
import { createLogger } from '../log';
import { handoffOf } from './live-view';
import type { StaffAuth } from './staff-auth';
import { staffCopy } from './staff-copy';

const log = createLogger('kefu:staff:namespace');

export const STAFF_NAMESPACE = '/staff';
const STAFF_ROOM = 'staff';
const sessionRoom = (tokenHash: string): string => `session:${tokenHash}`;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ConversationUpdate {
  conversation: Conversation;
  assignment: Assignment | null;
  handoff: HandoffEntry | null;
}

export interface StaffServerToClientEvents {
  activity: (activity: ChatActivity) => void;
  conversation: (update: ConversationUpdate) => void;
}

interface StaffSocketData {
  staffId: string;
  tokenHash: string;
  expiresAt: string;
}

type StaffNsp = Namespace<Record<string, never>, StaffServerToClientEvents, Record<string, never>, StaffSocketData>;
type StaffSocket = Socket<Record<string, never>, StaffServerToClientEvents, Record<string, never>, StaffSocketData>;

function authError(message: string): Error & { data: { code: string } } {
  return Object.assign(new Error(message), { data: { code: 'KEFU_AUTH' } });
}

function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export interface StaffNamespaceDeps {
  auth: StaffAuth;
  chat: ChatService;
  handoffs: HandoffQueue;
  assignments: Assignments;
  /** Rooms span processes (see `AppContext.roomsShared`): relay every change even when no console is connected here. */
  roomsShared: boolean;
}

/**
 * Attaches the namespace; returns how to end a session's sockets (logout) and how to detach.
 * @example const staffIo = attachStaffNamespace(io.of('/staff'), deps); staffIo.disconnectSession(hash);
 */
export function attachStaffNamespace(namespace: Namespace, deps: StaffNamespaceDeps): { disconnectSession(tokenHash: string): void; close(): void } {
  const nsp = namespace as unknown as StaffNsp;
  nsp.use(async (socket, next) => {
    try {
      const { headers } = socket.handshake;
      if (!sameOrigin(headers.origin, headers.host)) return next(authError('Refused: connect from the console’s own origin.'));
      const principal = await deps.auth.fromCookie(headers.cookie);
      if (!principal) return next(authError('Please log in.'));
      socket.data = { staffId: principal.account.id, tokenHash: principal.tokenHash, expiresAt: principal.session.expiresAt };
      next();
    } catch (err) {
      log.error('staff handshake failed', err);
      next(authError('Please log in.'));
    }
  });
  nsp.on('connection', (socket: StaffSocket) => {
    void socket.join([STAFF_ROOM, sessionRoom(socket.data.tokenHash)]);
    // The session ends while connected: so does the socket.
    const timer = setTimeout(() => socket.disconnect(true), Math.min(MAX_TIMER_MS, Math.max(0, Date.parse(socket.data.expiresAt) - Date.now())));
    socket.on('disconnect', () => clearTimeout(timer));
  });

  // One process with no console open: nobody to tell, so no staff copy is redacted and encoded for each turn (about 5% of a turn's CPU).
  const nobodyWatching = (): boolean => !deps.roomsShared && !nsp.adapter.rooms.has(STAFF_ROOM);
  const onActivity = (activity: ChatActivity): void => {
    if (nobodyWatching()) return;
    nsp.to(STAFF_ROOM).emit('activity', staffCopy(activity));
  };
  const onConversation = (conversation: Conversation): void => {
    if (nobodyWatching()) return;
    void Promise.all([deps.assignments.get(conversation.id), deps.handoffs.list()])
      .then(([assignment, queue]) => {
        nsp.to(STAFF_ROOM).emit('conversation', { conversation, assignment, handoff: handoffOf(queue, conversation.id) });
      })
      .catch((err) => log.warn('cannot relay a change of %s: %s', conversation.id, err instanceof Error ? err.message : String(err)));
  };
  const offActivity = deps.chat.events.on('activity', onActivity);
  const offConversation = deps.chat.events.on('conversation', onConversation);
  return {
    disconnectSession: (tokenHash) => nsp.in(sessionRoom(tokenHash)).disconnectSockets(true),
    close: () => {
      offActivity();
      offConversation();
    },
  };
}
