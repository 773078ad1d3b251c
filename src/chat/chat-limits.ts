/**
 * @module chat/chat-limits
 * Every limit of the `/chat` namespace in one place, so that no single client can take the
 * server from the others: each event type is counted per socket, per conversation (all sockets
 * resuming one share it) and per client address; handshakes, sockets open at once, new
 * conversations and requests for a human are counted per address. A refusal is a
 * `RateLimitError` (`KEFU_RATE_LIMIT` with `retryAfterMs`) and costs no store access.
 */
import type { LimitsConfig } from '../config';
import type { Locale } from '../core/shop';
import { RateLimitError } from './rate-limit-error';
import { takeAll, TokenBuckets } from './token-buckets';

export type LimitedEvent = 'message' | 'postback' | 'history' | 'feedback';

const EVENTS: readonly LimitedEvent[] = ['message', 'postback', 'history', 'feedback'];
/** Sockets open at once have no refill rate; a refused client is told to try again after this. */
const OPEN_SOCKETS_RETRY_MS = 30_000;

type Text = Record<Locale, string>;

const TOO_FAST: Record<LimitedEvent, Text> = {
  message: { zh: '消息发送过于频繁，请稍后再试。', en: 'You are sending messages too fast. Please wait a moment.' },
  postback: { zh: '操作过于频繁，请稍后再试。', en: 'You are tapping too fast. Please wait a moment.' },
  history: { zh: '读取聊天记录过于频繁，请稍后再试。', en: 'Too many history requests. Please wait a moment.' },
  feedback: { zh: '评价过于频繁，请稍后再试。', en: 'Too many ratings at once. Please wait a moment.' },
};
const TOO_MANY_OPEN: Text = { zh: '您所在网络打开的对话窗口过多，请关闭一些后再试。', en: 'Too many open connections from your network. Please close some and try again.' };
const TOO_MANY_CONNECTIONS: Text = { zh: '您所在网络的连接过于频繁，请稍后再试。', en: 'Too many connections from your network. Please wait a moment.' };
const TOO_MANY_CONVERSATIONS: Text = { zh: '您所在网络新建的对话过多，请稍后再试。', en: 'Too many new conversations from your network. Please try again later.' };

/** In the shopper's language, or both when it is not known yet. */
function say(text: Text, locale: Locale | null): string {
  return locale ? text[locale] : `${text.zh} ${text.en}`;
}

interface EventBuckets {
  socket: TokenBuckets;
  conversation: TokenBuckets;
  address: TokenBuckets;
}

/** Who sent an event: the three keys it is counted under. */
export interface EventSource {
  socketId: string;
  conversationId: string;
  address: string;
}

export class ChatLimits {
  private readonly events: Record<LimitedEvent, EventBuckets>;
  private readonly connections: TokenBuckets;
  private readonly newConversations: TokenBuckets;
  private readonly handoffs: TokenBuckets;
  /** Sockets open now per address; an entry goes when its last socket does. */
  private readonly open = new Map<string, number>();

  constructor(
    private readonly config: LimitsConfig,
    now: () => number = Date.now,
  ) {
    const buckets = (spec: LimitsConfig['connections']) => new TokenBuckets(spec, config.maxKeys, now);
    this.events = Object.fromEntries(
      EVENTS.map((e) => [e, { socket: buckets(config[e].socket), conversation: buckets(config[e].conversation), address: buckets(config[e].address) }]),
    ) as Record<LimitedEvent, EventBuckets>;
    this.connections = buckets(config.connections);
    this.newConversations = buckets(config.newConversations);
    this.handoffs = buckets(config.handoffs);
  }

  /**
   * A handshake from `address`, before any store access: refused (a throw) when the address has
   * too many sockets open or connects too fast. An admitted socket is counted by `connected`.
   */
  admit(address: string, locale: Locale | null): void {
    if (this.config.openSockets > 0 && (this.open.get(address) ?? 0) >= this.config.openSockets) {
      throw new RateLimitError(say(TOO_MANY_OPEN, locale), OPEN_SOCKETS_RETRY_MS);
    }
    const wait = takeAll([[this.connections, address]]);
    if (wait > 0) throw new RateLimitError(say(TOO_MANY_CONNECTIONS, locale), wait);
  }

  /** A socket from `address` is open; pair with `disconnected`. */
  connected(address: string): void {
    this.open.set(address, (this.open.get(address) ?? 0) + 1);
  }

  /** A socket counted by `connected` closed; its own buckets go with it. */
  disconnected(socketId: string, address: string): void {
    const open = (this.open.get(address) ?? 1) - 1;
    if (open > 0) this.open.set(address, open);
    else this.open.delete(address);
    for (const e of EVENTS) this.events[e].socket.forget(socketId);
  }

  /** One `event` from `source`, counted per socket, conversation and address, or a throw. */
  event(event: LimitedEvent, source: EventSource, locale: Locale | null): void {
    const b = this.events[event];
    const wait = takeAll([
      [b.socket, source.socketId],
      [b.conversation, source.conversationId],
      [b.address, source.address],
    ]);
    if (wait > 0) throw new RateLimitError(say(TOO_FAST[event], locale), wait);
  }

  /** A conversation about to be stored for the first time, from `address`, or a throw. */
  newConversation(address: string, locale: Locale | null): void {
    const wait = takeAll([[this.newConversations, address]]);
    if (wait > 0) throw new RateLimitError(say(TOO_MANY_CONVERSATIONS, locale), wait);
  }

  /** Whether `address` may ask for a human now (counts the request when it may). */
  handoff(address: string): boolean {
    return takeAll([[this.handoffs, address]]) === 0;
  }

  /** Buckets and address counters held (bounded by `maxKeys` per limit), for tests. */
  get size(): number {
    let n = this.open.size + this.connections.size + this.newConversations.size + this.handoffs.size;
    for (const e of EVENTS) n += this.events[e].socket.size + this.events[e].conversation.size + this.events[e].address.size;
    return n;
  }
}
