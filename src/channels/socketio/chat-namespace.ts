/**
 * @module channels/socketio/chat-namespace
 * Namespace `/chat`: handshake (sign-in token, resume), then shopper events → ChatService.
 * Every client event is counted against the limits (`ChatLimits`) before anything else, then
 * validated; errors reach the client as `{ok: false, error}` acks (a rate limit also as an
 * `error` event), handshake errors as `connect_error` with `data.code`. The handshake writes
 * nothing: a new conversation is stored with its first message.
 */
import type { Namespace, Socket } from 'socket.io';
import { verifyCustomerToken } from '../../auth/customer-token';
import type { ChatService } from '../../chat/chat-service';
import { parseFeedback, parseHistoryRequest, parseMessage, parsePostback, type InboundMessage } from '../../chat/inbound';
import { ChatLimits, type LimitedEvent } from '../../chat/chat-limits';
import { clientAddress } from '../../chat/client-address';
import type { ChatActivity, Conversation } from '../../core/conversation';
import { LOCALES, type Locale } from '../../core/shop';
import { withStatusLabels } from '../../dialogs/order/order-card';
import { AppError, ErrorCodes, publicError } from '../../errors';
import { anonymousView } from '../../privacy/anonymous-view';
import type { KefuConfig } from '../../config';
import { shopResponses } from '../shop-responses';
import type { Ack, ChatClientToServerEvents, ChatServerToClientEvents, ChatSocketData } from './events';

type ChatNamespace = Namespace<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;
type ChatSocket = Socket<ChatClientToServerEvents, ChatServerToClientEvents, Record<string, never>, ChatSocketData>;

export const CHANNEL = 'socketio';
const room = (conversationId: string): string => `conversation:${conversationId}`;

function localeOf(value: unknown): Locale | null {
  return (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : null;
}

/** A connect_error carrying `data.code` (and `data.retryAfterMs` for a rate limit), as socket.io passes `err.data` to the client. */
function connectError(err: unknown): Error & { data: { code: string } } {
  const error = publicError(err);
  return Object.assign(new Error(error.message), { data: error });
}

function safeAck<T extends object>(ack: unknown): Ack<T> {
  return typeof ack === 'function' ? (ack as Ack<T>) : () => undefined;
}

export function attachChatNamespace(namespace: Namespace, chat: ChatService, config: KefuConfig): void {
  // The server hosts several namespaces with different event maps; this one is typed here.
  const nsp = namespace as unknown as ChatNamespace;
  // The shop's words: order cards' status names (also of cards stored before), refusals, hidden orders.
  const responses = shopResponses(config);
  const limits = new ChatLimits(config.limits, responses);
  /** The conversation each handshake opened (possibly not stored yet), for its connection. */
  const opened = new WeakMap<ChatSocket, Conversation>();
  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const address = clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], config.limits.trustProxy);
      limits.admit(address, localeOf(auth.locale));
      let customerId: string | null = null;
      if (auth.customerToken !== undefined && auth.customerToken !== null && auth.customerToken !== '') {
        if (typeof auth.customerToken !== 'string') throw new AppError(ErrorCodes.auth, 'customerToken must be a string');
        customerId = verifyCustomerToken(auth.customerToken, config.shopSecret, { maxLifetimeSeconds: config.customerTokenMaxHours * 3600 }).customerId;
      }
      const locale = localeOf(auth.locale);
      const requestedId = typeof auth.conversationId === 'string' ? auth.conversationId.slice(0, 128) : undefined;
      const { conversation, resumed } = await chat.open({ requestedId, channel: CHANNEL, customerId, locale });
      socket.data = { conversationId: conversation.id, customerId, locale, resumed, address };
      opened.set(socket, conversation);
      next();
    } catch (err) {
      next(connectError(err));
    }
  });

  nsp.on('connection', (socket: ChatSocket) => {
    const { conversationId, locale, resumed, address } = socket.data;
    limits.connected(address);
    socket.on('disconnect', () => limits.disconnected(socket.id, address));
    void socket.join(room(conversationId));
    socket.emit('session', { conversationId, locale, resumed, maxTextLength: config.maxTextLength });

    const source = { socketId: socket.id, conversationId, address };
    const guards = { handoff: () => limits.handoff(address) };
    const deliver = (reply: ChatActivity): void => {
      const activity = withStatusLabels(reply, locale, responses);
      // An order shown to this (anonymous) connection reaches the others in the room hidden.
      const forOthers = socket.data.customerId ? activity : anonymousView(activity, [], responses);
      if (forOthers === activity) return void nsp.to(room(conversationId)).emit('activity', activity);
      socket.emit('activity', activity);
      socket.to(room(conversationId)).emit('activity', forOthers);
    };
    const draft = opened.get(socket)!;
    let countedAsNew = false;
    /** The handshake's new conversation until its first message stores it; then the stored one. */
    const conversationOf = async (): Promise<Conversation> => (chat.isUnsaved(draft) ? draft : chat.conversation(conversationId));
    const refuse = (ack: Ack, err: unknown): void => {
      const error = publicError(err);
      if (error.code === ErrorCodes.rateLimit) socket.emit('error', error);
      ack({ ok: false, error });
    };

    const submit = async (event: LimitedEvent, parse: () => InboundMessage, ack: Ack<{ id: string }>): Promise<void> => {
      try {
        limits.event(event, source, locale);
        const inbound = { ...parse(), session: socket.id };
        const conversation = await conversationOf();
        if (chat.isUnsaved(conversation) && !countedAsNew) {
          limits.newConversation(address, locale);
          countedAsNew = true;
        }
        const { activity } = await chat.submit(conversation, inbound, deliver, locale ?? undefined, guards);
        ack({ ok: true, id: activity.id });
      } catch (err) {
        refuse(ack, err);
      }
    };

    // Taken as the frame arrives, not as a listener: socket.io drops an event whose socket
    // disconnected before the next tick, and a message already sent must be stored and answered.
    socket.use(([event, payload, ack], next) => {
      if (event === 'message') void submit('message', () => parseMessage(payload, config.maxTextLength), safeAck(ack));
      else if (event === 'postback') void submit('postback', () => parsePostback(payload), safeAck(ack));
      else next();
    });

    socket.on('history', async (payload, rawAck) => {
      const ack = safeAck<{ activities: ChatActivity[] }>(rawAck);
      try {
        limits.event('history', source, locale);
        const activities = await chat.history(await conversationOf(), parseHistoryRequest(payload), socket.id);
        ack({ ok: true, activities: activities.map((a) => withStatusLabels(a, locale, responses)) });
      } catch (err) {
        refuse(ack, err);
      }
    });

    socket.on('feedback', async (payload, rawAck) => {
      const ack = safeAck(rawAck);
      try {
        limits.event('feedback', source, locale);
        await chat.feedback(await conversationOf(), parseFeedback(payload));
        ack({ ok: true });
      } catch (err) {
        refuse(ack, err);
      }
    });
  });
}
