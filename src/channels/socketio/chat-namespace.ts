/**
 * @module channels/socketio/chat-namespace
 * Namespace `/chat`: handshake (sign-in token, resume), then shopper events → ChatService.
 * Every client event is validated here; errors reach the client as `{ok: false, error}` acks,
 * handshake errors as `connect_error` with `data.code`.
 */
import type { Namespace, Socket } from 'socket.io';
import { verifyCustomerToken } from '../../auth/customer-token';
import type { ChatService } from '../../chat/chat-service';
import { parseFeedback, parseHistoryRequest, parseMessage, parsePostback, type InboundMessage } from '../../chat/inbound';
import { RateLimiter } from '../../chat/rate-limiter';
import type { ChatActivity } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import { AppError, ErrorCodes, publicError } from '../../errors';
import type { KefuConfig } from '../../config';
import type { Ack, ChatClientToServerEvents, ChatServerToClientEvents, ChatSocketData } from './events';

type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;
type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

export const CHANNEL = 'socketio';
const room = (conversationId: string): string => `conversation:${conversationId}`;

function localeOf(value: unknown): Locale | null {
  return value === 'zh' || value === 'en' ? value : null;
}

/** A connect_error carrying `data.code`, as socket.io passes `err.data` to the client. */
function connectError(err: unknown): Error & { data: { code: string } } {
  const { code, message } = publicError(err);
  return Object.assign(new Error(message), { data: { code } });
}

function safeAck<T extends object>(ack: unknown): Ack<T> {
  return typeof ack === 'function' ? (ack as Ack<T>) : () => undefined;
}

export function attachChatNamespace(namespace: Namespace, chat: ChatService, config: KefuConfig): void {
  // The server hosts several namespaces with different event maps; this one is typed here.
  const nsp = namespace as unknown as ChatNamespace;
  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      let customerId: string | null = null;
      if (auth.customerToken !== undefined && auth.customerToken !== null && auth.customerToken !== '') {
        if (typeof auth.customerToken !== 'string') throw new AppError(ErrorCodes.auth, 'customerToken must be a string');
        customerId = verifyCustomerToken(auth.customerToken, config.shopSecret).customerId;
      }
      const locale = localeOf(auth.locale);
      const requestedId = typeof auth.conversationId === 'string' ? auth.conversationId.slice(0, 128) : undefined;
      const { conversation, resumed } = await chat.open({ requestedId, channel: CHANNEL, customerId, locale });
      socket.data = { conversationId: conversation.id, customerId, locale, resumed };
      next();
    } catch (err) {
      next(connectError(err));
    }
  });

  nsp.on('connection', (socket: ChatSocket) => {
    const { conversationId, locale, resumed } = socket.data;
    void socket.join(room(conversationId));
    socket.emit('session', { conversationId, locale, resumed });

    const limiter = new RateLimiter(config.rateLimit.burst, config.rateLimit.perSecond);
    const deliver = (activity: ChatActivity): void => {
      nsp.to(room(conversationId)).emit('activity', activity);
    };
    const conversationOf = () => chat.conversation(conversationId);

    const submit = async (parse: () => InboundMessage, ack: Ack<{ id: string }>): Promise<void> => {
      try {
        if (!limiter.take()) {
          throw new AppError(ErrorCodes.rateLimit, 'You are sending messages too fast. Please wait a moment.');
        }
        const inbound = parse();
        const { activity } = await chat.submit(await conversationOf(), inbound, deliver, locale ?? undefined);
        ack({ ok: true, id: activity.id });
      } catch (err) {
        const error = publicError(err);
        if (error.code === ErrorCodes.rateLimit) socket.emit('error', error);
        ack({ ok: false, error });
      }
    };

    socket.on('message', (payload, ack) => void submit(() => parseMessage(payload, config.maxTextLength), safeAck(ack)));
    socket.on('postback', (payload, ack) => void submit(() => parsePostback(payload), safeAck(ack)));

    socket.on('history', async (payload, rawAck) => {
      const ack = safeAck<{ activities: ChatActivity[] }>(rawAck);
      try {
        const activities = await chat.history(await conversationOf(), parseHistoryRequest(payload));
        ack({ ok: true, activities });
      } catch (err) {
        ack({ ok: false, error: publicError(err) });
      }
    });

    socket.on('feedback', async (payload, rawAck) => {
      const ack = safeAck(rawAck);
      try {
        await chat.feedback(await conversationOf(), parseFeedback(payload));
        ack({ ok: true });
      } catch (err) {
        ack({ ok: false, error: publicError(err) });
      }
    });
  });
}
