/**
 * @module channels/socketio/events
 * The socket.io event maps of namespace `/chat` (see chat-protocol.md): they live in
 * `core/chat-protocol`, shared by server, widget and tests; the socket's own data is here.
 */
import type { Locale } from '../../core/shop';

export { CHAT_NAMESPACE, ChatEvents, type Ack, type ChatClientToServerEvents, type ChatServerToClientEvents, type ErrorBody } from '../../core/chat-protocol';

/** What the handshake established, kept on `socket.data`. */
export interface ChatSocketData {
  conversationId: string;
  customerId: string | null;
  locale: Locale | null;
  resumed: boolean;
  /** The key the client's address is limited under (`chat/client-address`). */
  address: string;
}
