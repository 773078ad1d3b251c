/**
 * @module channels/socketio/events
 * The socket.io event maps of namespace `/chat` (see chat-protocol.md), shared by server and tests.
 */
import type { ChatActivity } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import type { ErrorCode } from '../../errors';

export const CHAT_NAMESPACE = '/chat';

export const ChatEvents = {
  session: 'session',
  activity: 'activity',
  error: 'error',
  message: 'message',
  postback: 'postback',
  feedback: 'feedback',
  history: 'history',
} as const;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** With `KEFU_RATE_LIMIT`: milliseconds until the same request would be accepted. */
  retryAfterMs?: number;
}

export type Ack<T extends object = object> = (reply: ({ ok: true } & T) | { ok: false; error: ErrorBody }) => void;

export interface ChatServerToClientEvents {
  session: (payload: { conversationId: string; locale: Locale | null; resumed: boolean }) => void;
  activity: (activity: ChatActivity) => void;
  error: (error: ErrorBody) => void;
}

export interface ChatClientToServerEvents {
  message: (payload: { id?: string; text: string }, ack: Ack<{ id: string }>) => void;
  postback: (payload: { id?: string; value: string; data?: unknown }, ack: Ack<{ id: string }>) => void;
  feedback: (payload: { activityId: string; rating: 'up' | 'down'; comment?: string }, ack: Ack) => void;
  history: (payload: { before?: string; limit?: number }, ack: Ack<{ activities: ChatActivity[] }>) => void;
}

/** What the handshake established, kept on `socket.data`. */
export interface ChatSocketData {
  conversationId: string;
  customerId: string | null;
  locale: Locale | null;
  resumed: boolean;
  /** The key the client's address is limited under (`chat/client-address`). */
  address: string;
}
