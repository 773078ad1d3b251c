/**
 * @module chat/chat-limits
 * Every limit of the `/chat` namespace in one place, so that no single client can take the
 * server from the others: each event type is counted per socket, per conversation (all sockets
 * resuming one share it) and per client address; handshakes, sockets open at once, new
 * conversations and requests for a human are counted per address. A refusal is a
 * `RateLimitError` (`KEFU_RATE_LIMIT` with `retryAfterMs`), worded by `dialogs/chat.json`, and costs no store access.
 */
import type { LimitsConfig } from '../config';
import type { Locale } from '../core/shop';
import type { Responses } from '../domain/responses';
import { noticeText } from './notice-text';
import { RateLimitError } from './rate-limit-error';
import { takeAll, TokenBuckets } from './token-buckets';

export type LimitedEvent = 'message' | 'postback' | 'history' | 'feedback';

const EVENTS: readonly LimitedEvent[] = ['message', 'postback', 'history', 'feedback'];
/** Sockets open at once have no refill rate; a refused client is told to try again after this. */
const OPEN_SOCKETS_RETRY_MS = 30_000;

/** The `dialogs/chat.json` key of each refusal. */
const TOO_FAST: Record<LimitedEvent, string> = {
  message: 'chat.tooFast_message',
  postback: 'chat.tooFast_postback',
  history: 'chat.tooFast_history',
  feedback: 'chat.tooFast_feedback',
};

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
    /** The shop's texts: a refusal is told in the shopper's language (`chat.tooFast_message` …), or in every language before it is known. */
    private readonly responses: Responses,
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
      throw new RateLimitError(this.say('chat.tooManyOpen', locale), OPEN_SOCKETS_RETRY_MS);
    }
    const wait = takeAll([[this.connections, address]]);
    if (wait > 0) throw new RateLimitError(this.say('chat.tooManyConnections', locale), wait);
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
    if (wait > 0) throw new RateLimitError(this.say(TOO_FAST[event], locale), wait);
  }

  /** A conversation about to be stored for the first time, from `address`, or a throw. */
  newConversation(address: string, locale: Locale | null): void {
    const wait = takeAll([[this.newConversations, address]]);
    if (wait > 0) throw new RateLimitError(this.say('chat.tooManyConversations', locale), wait);
  }

  /** Whether `address` may ask for a human now (counts the request when it may). */
  handoff(address: string): boolean {
    return takeAll([[this.handoffs, address]]) === 0;
  }

  private say(key: string, locale: Locale | null): string {
    return noticeText(this.responses, locale, key);
  }

  /** Buckets and address counters held (bounded by `maxKeys` per limit), for tests. */
  get size(): number {
    let n = this.open.size + this.connections.size + this.newConversations.size + this.handoffs.size;
    for (const e of EVENTS) n += this.events[e].socket.size + this.events[e].conversation.size + this.events[e].address.size;
    return n;
  }
}
