/**
 * @module core/chat-protocol
 * The chat protocol's names and shapes (`/work/shared/protocol/chat-protocol.md`), in one
 * dependency-free module that the server (`channels/socketio`, `bot/reply`) and the browser
 * widget (`src/widget`, bundled by esbuild) both import, so neither repeats an event name, a
 * content type or a limit by hand. Only type imports: nothing here may need Node.js.
 */
import type { ChatActivity } from './conversation';
import type { Locale } from './shop';
import type { ErrorCode } from '../errors';

/** The shoppers' socket.io namespace. */
export const CHAT_NAMESPACE = '/chat';

/** Event names of namespace `/chat`, both directions. */
export const ChatEvents = {
  session: 'session',
  activity: 'activity',
  error: 'error',
  message: 'message',
  postback: 'postback',
  feedback: 'feedback',
  history: 'history',
} as const satisfies { [E in keyof ChatServerToClientEvents | keyof ChatClientToServerEvents]: E };

/** Attachment content types of the protocol's cards. */
export const ContentTypes = {
  order: 'application/vnd.kefu.order+json',
  product: 'application/vnd.kefu.product+json',
  faq: 'application/vnd.kefu.faq+json',
} as const;
export type ContentType = (typeof ContentTypes)[keyof typeof ContentTypes];

/** `application/vnd.kefu.product+json`: one recommended or described product. */
export interface ProductCardContent {
  productId: string;
  title: string;
  price: number;
  currency: string;
  /** The category's slug. */
  category: string;
  /** The category's name in the shopper's language. */
  categoryName?: string;
  brand?: string;
  imageUrl?: string;
  url?: string;
  reason?: string;
  stock?: number;
  inStock?: boolean;
  rating?: number;
}

/** `application/vnd.kefu.order+json`: an order the shopper may see. */
export interface OrderCardContent {
  orderId: string;
  /** A status of `shop-data.md`: pending, paid, shipped, delivered, cancelled, returned, refunded. */
  status: string;
  /** The status in the card's language, as the bot words it (`dialogs/order.json` `label_<status>`). */
  statusLabel?: string;
  items: { productId: string; title: string; quantity: number }[];
  total: number;
  currency: string;
  carrier?: string;
  trackingNumber?: string;
  /** A date (`2026-11-03`) or an ISO time. */
  estimatedDelivery?: string;
  lastEvent?: { at: string; description: string };
}

/** `application/vnd.kefu.faq+json`: an answer taken from the shop's FAQ. */
export interface FaqCardContent {
  faqId: string;
  question: string;
  answer: string;
}

/** The content each card type carries. */
export interface CardContents {
  [ContentTypes.product]: ProductCardContent;
  [ContentTypes.order]: OrderCardContent;
  [ContentTypes.faq]: FaqCardContent;
}

/** `session`, sent once after connect. */
export interface SessionPayload {
  conversationId: string;
  locale: Locale | null;
  resumed: boolean;
  /** The longest `message` text the server accepts, in characters (`KEFU_MAX_TEXT_LENGTH`). */
  maxTextLength: number;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** With `KEFU_RATE_LIMIT`: milliseconds until the same request would be accepted. */
  retryAfterMs?: number;
}

export type AckReply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorBody };
export type Ack<T extends object = object> = (reply: AckReply<T>) => void;

export interface FeedbackPayload {
  activityId: string;
  rating: 'up' | 'down';
  comment?: string;
}

export interface ChatServerToClientEvents {
  session: (payload: SessionPayload) => void;
  activity: (activity: ChatActivity) => void;
  error: (error: ErrorBody) => void;
}

export interface ChatClientToServerEvents {
  message: (payload: { id?: string; text: string }, ack: Ack<{ id: string }>) => void;
  postback: (payload: { id?: string; value: string; data?: unknown }, ack: Ack<{ id: string }>) => void;
  feedback: (payload: FeedbackPayload, ack: Ack) => void;
  history: (payload: { before?: string; limit?: number }, ack: Ack<{ activities: ChatActivity[] }>) => void;
}
