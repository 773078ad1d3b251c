/**
 * @module storage/mongoose/models
 * The schemas of the MongoDB store, with validation and indexes. Bodies (activities, dialog
 * state, shop records) are stored as JSON strings: no user-controlled key ever becomes a field
 * name or an operator, and the fields queried on are explicit, typed and indexed.
 *
 * Sharding: `activities` by `{conversationId: "hashed"}` (every query names the conversation, and
 * the unique index starts with it), `dialogstates` by `_id` (the key holds the conversation id).
 */
import { Schema, type Connection, type Model } from 'mongoose';
import { ORDER_STATUSES } from '../../core/shop';

const MAX_JSON = 1024 * 1024;
/**
 * Conversation and activity ids: channels prefix their own ids (`webhook:` + up to 128
 * characters, `botframework:<channel>:<user>`), so these allow more than a client's 128.
 */
export const MAX_CONVERSATION_ID = 256;
const json = { type: String, required: true, maxlength: MAX_JSON };

export interface ConversationDoc {
  _id: string;
  channel: string;
  customerId: string | null;
  locale: 'zh' | 'en' | null;
  handoff: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityDoc {
  conversationId: string;
  activityId: string;
  replyToId: string | null;
  type: 'message' | 'typing' | 'event';
  role: 'user' | 'bot' | 'agent';
  at: string;
  json: string;
  rawJson: string | null;
  rawUntil: string | null;
  /** Search fields (`activity-search-fields.ts`): the message text, a bot reply's intent, a human involved. */
  text: string | null;
  intent: string | null;
  human: boolean;
  /** A bot reply's record of the shopper's message (`channelData.sentiment`): its label, and whether the bot took it as angry. */
  sentiment?: 'positive' | 'negative' | 'neutral' | null;
  angry?: boolean;
}

export interface DialogStateDoc {
  _id: string;
  eTag: number;
  json: string;
}

export interface JsonDoc {
  _id: string;
  json: string;
}

export interface OrderDoc {
  _id: string;
  customerId: string;
  status: string;
  createdAt: string;
  /** Bumped by every change: the condition of the next conditional update. */
  rev: number;
  json: string;
}

export interface OrderActionDoc {
  orderId: string;
  kind: 'cancel' | 'change_address';
  actor: string;
  conversationId: string | null;
  fromStatus: string;
  detail: string;
  at: string;
}

export interface EventDoc {
  customerId: string;
  productId: string;
  type: string;
  at: string;
  value: number | null;
}

export interface HandoffDoc {
  _id: string;
  reason: string;
  queuedAt: string;
  /** `HANDOFF_PRIORITY` (absent on entries queued before it existed: normal). */
  priority?: number;
}

export interface FeedbackDoc {
  conversationId: string;
  activityId: string;
  rating: 'up' | 'down';
  comment: string | null;
  at: string;
}

export interface MetaDoc {
  _id: string;
  value: string;
}

const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: { type: String, required: true, maxlength: MAX_CONVERSATION_ID },
    channel: { type: String, required: true, maxlength: 32 },
    customerId: { type: String, default: null, maxlength: 128 },
    locale: { type: String, enum: ['zh', 'en', null], default: null },
    handoff: { type: Boolean, required: true, default: false },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
conversationSchema.index({ customerId: 1 });
conversationSchema.index({ updatedAt: 1 });

const activitySchema = new Schema<ActivityDoc>(
  {
    conversationId: { type: String, required: true, maxlength: MAX_CONVERSATION_ID },
    activityId: { type: String, required: true, maxlength: MAX_CONVERSATION_ID },
    replyToId: { type: String, default: null, maxlength: MAX_CONVERSATION_ID },
    type: { type: String, required: true, enum: ['message', 'typing', 'event'] },
    role: { type: String, required: true, enum: ['user', 'bot', 'agent'] },
    at: { type: String, required: true },
    json,
    rawJson: { type: String, default: null, maxlength: MAX_JSON },
    rawUntil: { type: String, default: null },
    text: { type: String, default: null, maxlength: MAX_JSON },
    intent: { type: String, default: null, maxlength: 128 },
    human: { type: Boolean, default: false },
    sentiment: { type: String, default: null, enum: ['positive', 'negative', 'neutral', null] },
    angry: { type: Boolean, default: false },
  },
  { versionKey: false, strict: 'throw' },
);
activitySchema.index({ conversationId: 1, activityId: 1 }, { unique: true });
activitySchema.index({ conversationId: 1, at: 1 });
activitySchema.index({ conversationId: 1, replyToId: 1 });
activitySchema.index({ at: 1 });
activitySchema.index({ rawUntil: 1 }, { partialFilterExpression: { rawUntil: { $type: 'string' } } });
// Staff search and dashboard: conversations by intent, human involvement by time, bot turns by
// time (covering: conversation, turn and intent), shopper messages by time.
activitySchema.index({ intent: 1, conversationId: 1 }, { partialFilterExpression: { intent: { $type: 'string' } } });
activitySchema.index({ at: 1, conversationId: 1 }, { partialFilterExpression: { human: true }, name: 'human_at' });
activitySchema.index({ at: 1, conversationId: 1, replyToId: 1, intent: 1 }, { partialFilterExpression: { intent: { $type: 'string' } }, name: 'turns_at' });
// (Key patterns differ from one another: not every MongoDB accepts two partial indexes on one pattern.)
activitySchema.index({ role: 1, at: 1, conversationId: 1 }, { partialFilterExpression: { type: 'message' }, name: 'messages_role_at' });

const dialogStateSchema = new Schema<DialogStateDoc>(
  { _id: { type: String, required: true, maxlength: 512 }, eTag: { type: Number, required: true, min: 1 }, json },
  { versionKey: false, strict: 'throw' },
);

const jsonSchema = (): Schema<JsonDoc> =>
  new Schema<JsonDoc>({ _id: { type: String, required: true, maxlength: 128 }, json }, { versionKey: false, strict: 'throw' });

const orderSchema = new Schema<OrderDoc>(
  {
    _id: { type: String, required: true, maxlength: 64 },
    customerId: { type: String, required: true, maxlength: 128 },
    status: { type: String, required: true, enum: [...ORDER_STATUSES] },
    createdAt: { type: String, required: true },
    rev: { type: Number, required: true, default: 0 },
    json,
  },
  { versionKey: false, strict: 'throw' },
);
orderSchema.index({ customerId: 1, createdAt: -1 });

const orderActionSchema = new Schema<OrderActionDoc>(
  {
    orderId: { type: String, required: true },
    kind: { type: String, required: true, enum: ['cancel', 'change_address'] },
    actor: { type: String, required: true },
    conversationId: { type: String, default: null },
    fromStatus: { type: String, required: true },
    detail: { type: String, required: true },
    at: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
orderActionSchema.index({ orderId: 1, at: 1 });

const eventSchema = new Schema<EventDoc>(
  {
    customerId: { type: String, required: true },
    productId: { type: String, required: true },
    type: { type: String, required: true, enum: ['view', 'cart', 'purchase', 'rating'] },
    at: { type: String, required: true },
    value: { type: Number, default: null },
  },
  { versionKey: false, strict: 'throw' },
);
eventSchema.index({ customerId: 1, productId: 1, type: 1, at: 1 }, { unique: true });
eventSchema.index({ at: 1 });

const handoffSchema = new Schema<HandoffDoc>(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true, maxlength: 2000 },
    queuedAt: { type: String, required: true },
    priority: { type: Number, default: 0 },
  },
  { versionKey: false, strict: 'throw' },
);
handoffSchema.index({ queuedAt: 1 });
handoffSchema.index({ priority: -1, queuedAt: 1 });

const feedbackSchema = new Schema<FeedbackDoc>(
  {
    conversationId: { type: String, required: true },
    activityId: { type: String, required: true },
    rating: { type: String, required: true, enum: ['up', 'down'] },
    comment: { type: String, default: null, maxlength: 1000 },
    at: { type: String, required: true },
  },
  { versionKey: false, strict: 'throw' },
);
feedbackSchema.index({ conversationId: 1, activityId: 1 }, { unique: true });

const metaSchema = new Schema<MetaDoc>(
  { _id: { type: String, required: true }, value: { type: String, required: true } },
  { versionKey: false, strict: 'throw' },
);

export interface KefuModels {
  Conversations: Model<ConversationDoc>;
  Activities: Model<ActivityDoc>;
  DialogStates: Model<DialogStateDoc>;
  Products: Model<JsonDoc>;
  Customers: Model<JsonDoc>;
  Orders: Model<OrderDoc>;
  OrderActions: Model<OrderActionDoc>;
  Events: Model<EventDoc>;
  Faq: Model<JsonDoc>;
  Handoffs: Model<HandoffDoc>;
  Feedback: Model<FeedbackDoc>;
  Meta: Model<MetaDoc>;
}

/** The models on one connection (collection names are explicit: they are the schema's public face). */
export function createModels(conn: Connection): KefuModels {
  return {
    Conversations: conn.model<ConversationDoc>('Conversation', conversationSchema, 'conversations'),
    Activities: conn.model<ActivityDoc>('Activity', activitySchema, 'activities'),
    DialogStates: conn.model<DialogStateDoc>('DialogState', dialogStateSchema, 'dialogstates'),
    Products: conn.model<JsonDoc>('Product', jsonSchema(), 'products'),
    Customers: conn.model<JsonDoc>('Customer', jsonSchema(), 'customers'),
    Orders: conn.model<OrderDoc>('Order', orderSchema, 'orders'),
    OrderActions: conn.model<OrderActionDoc>('OrderAction', orderActionSchema, 'order_actions'),
    Events: conn.model<EventDoc>('Event', eventSchema, 'events'),
    Faq: conn.model<JsonDoc>('Faq', jsonSchema(), 'faq'),
    Handoffs: conn.model<HandoffDoc>('Handoff', handoffSchema, 'handoff_queue'),
    Feedback: conn.model<FeedbackDoc>('Feedback', feedbackSchema, 'feedback'),
    Meta: conn.model<MetaDoc>('Meta', metaSchema, 'meta'),
  };
}
