/**
 * @module widget/connection
 * The widget's socket on namespace `/chat`: loading the client, the handshake (`auth`: stored
 * conversation id, sign-in token, locale), reconnecting when the server closed it or refused the
 * handshake, and acknowledged emits that `close()` waits for so nothing sent is dropped.
 */
import type { Socket } from 'socket.io-client';
import {
  CHAT_NAMESPACE,
  ChatEvents,
  type AckReply,
  type ChatClientToServerEvents,
  type ChatServerToClientEvents,
  type ErrorBody,
  type FeedbackPayload,
  type SessionPayload,
} from '../core/chat-protocol';
import type { ChatActivity } from '../core/conversation';
import type { Locale } from '../core/shop';
import { ErrorCodes } from '../errors';
import type { ConversationIdStore } from './conversation-id-store';
import { loadSocketIo } from './load-socket-io';
import { trimSlash } from './safe-url';
import type { Timers } from './timers';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
export type MessagePayload = Parameters<ChatClientToServerEvents['message']>[0];
export type PostbackPayload = Parameters<ChatClientToServerEvents['postback']>[0];
export type HistoryReply = AckReply<{ activities: ChatActivity[] }>;
/** An acknowledgement, or `undefined` from a server that sent none. */
export type OnAck<T extends object = object> = (reply: AckReply<T> | undefined) => void;

export type ConnState = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** How long `close()` keeps the socket for acknowledgements still on their way. */
const CLOSE_ACK_WAIT_MS = 2000;

export interface ConnectionOptions {
  serverUrl: string;
  /** socket.io path; @default '/socket.io' */
  path?: string;
  customerToken?: string;
  /** Only an explicitly configured locale is sent. */
  locale?: Locale;
  ids: ConversationIdStore;
  timers: Timers;
}

export interface ConnectionHandlers {
  state(state: ConnState): void;
  /** Connected (again): what waited for the socket may go now. */
  connected(): void;
  session(session: SessionPayload): void;
  activity(activity: ChatActivity): void;
  error(error: ErrorBody): void;
  /** The sign-in token was refused; the widget goes on as a guest. */
  signedOut(): void;
}

export class Connection {
  private socket: ChatSocket | null = null;
  private closed = false;
  private state: ConnState = 'connecting';
  private serverRetries = 0;
  private kicks = 0;
  private customerToken: string | undefined;
  /** Messages, taps and ratings sent and not yet acknowledged; `close()` waits for them. */
  private unacked = 0;
  private onAllAcked: (() => void) | null = null;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly on: ConnectionHandlers,
  ) {
    this.customerToken = options.customerToken;
  }

  /** Whether the socket exists (socket.io buffers what is emitted while it reconnects). */
  get ready(): boolean {
    return this.socket !== null;
  }

  open(): void {
    const u = new URL(this.options.serverUrl + '/', window.location.href);
    // A server under a path prefix keeps its namespace at `/chat`; the prefix goes to `path`.
    const ioPath = trimSlash(u.pathname) + (this.options.path || '/socket.io');
    loadSocketIo(u.origin + ioPath + '/socket.io.js').then(
      (io) => {
        if (this.closed) return;
        this.serverRetries = 0;
        const socket: ChatSocket = io(u.origin + CHAT_NAMESPACE, {
          path: ioPath,
          // A function, so every reconnect sends the conversation id stored by the last `session`.
          auth: (cb) => cb(this.authPayload()),
          reconnectionDelayMax: 10000,
        });
        this.attach(socket);
      },
      () => {
        if (this.closed) return;
        this.setState('offline');
        this.serverRetries++;
        this.options.timers.later(() => this.open(), Math.min(30000, 2000 * 2 ** this.serverRetries));
      },
    );
  }

  message(payload: MessagePayload, ack: OnAck<{ id: string }>): void {
    this.counted(ack, (done) => this.socket!.emit(ChatEvents.message, payload, done));
  }

  postback(payload: PostbackPayload, ack: OnAck<{ id: string }>): void {
    this.counted(ack, (done) => this.socket!.emit(ChatEvents.postback, payload, done));
  }

  feedback(payload: FeedbackPayload, ack: OnAck): void {
    this.counted(ack, (done) => this.socket!.emit(ChatEvents.feedback, payload, done));
  }

  history(limit: number, ack: (reply: HistoryReply | undefined) => void): void {
    this.socket?.emit(ChatEvents.history, { limit }, ack);
  }

  /** A new handshake, e.g. after the stored conversation id was forgotten. */
  restart(): void {
    if (!this.socket) return;
    this.socket.disconnect();
    this.socket.connect();
  }

  /**
   * Stops at once; the socket stays until what was sent is acknowledged (at most 2 s), so a
   * message sent just before is not dropped. Resolves once it is closed.
   */
  close(): Promise<void> {
    this.closed = true;
    const socket = this.socket;
    this.socket = null;
    if (!socket) return Promise.resolve();
    socket.off();
    return new Promise((resolve) => {
      // The manager's listeners deliver the acknowledgements, so they go only now.
      const close = (): void => {
        clearTimeout(timer);
        this.onAllAcked = null;
        socket.io?.off?.();
        socket.disconnect();
        resolve();
      };
      const timer = setTimeout(close, this.unacked > 0 ? CLOSE_ACK_WAIT_MS : 0);
      if (this.unacked > 0) this.onAllAcked = close;
      else close();
    });
  }

  private counted<T extends object>(ack: OnAck<T>, emit: (done: (reply: AckReply<T>) => void) => void): void {
    this.unacked++;
    emit((reply) => {
      this.unacked--;
      if (this.unacked === 0 && this.onAllAcked) this.onAllAcked();
      ack(reply);
    });
  }

  private authPayload(): Record<string, string> {
    const auth: Record<string, string> = {};
    const id = this.options.ids.get();
    if (id) auth.conversationId = id;
    if (this.customerToken) auth.customerToken = this.customerToken;
    // Without a configured locale the server answers in the language of each message, which
    // is what a guest expects.
    if (this.options.locale) auth.locale = this.options.locale;
    return auth;
  }

  private attach(socket: ChatSocket): void {
    this.socket = socket;
    socket.on('connect', () => {
      this.kicks = 0;
      this.setState('online');
      this.on.connected();
    });
    socket.on(ChatEvents.session, (s) => this.on.session(s));
    socket.on(ChatEvents.activity, (a) => this.on.activity(a));
    socket.on(ChatEvents.error, (e) => this.on.error(e));
    socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState('reconnecting');
      // The server closed us on purpose (e.g. a restart); socket.io does not retry that by itself.
      if (reason === 'io server disconnect') this.reconnectLater();
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string }; code?: string }) => {
      if (this.closed) return;
      const code = err?.data?.code ?? err?.code ?? err?.message;
      if (code === ErrorCodes.auth && this.customerToken) {
        this.customerToken = undefined;
        this.on.signedOut();
        socket.connect();
        return;
      }
      this.setState(this.state === 'connecting' ? 'connecting' : 'reconnecting');
      // Middleware refusals are not retried by the manager; transport errors are.
      if (!socket.active) this.reconnectLater();
    });
  }

  private reconnectLater(): void {
    this.kicks++;
    this.options.timers.later(() => {
      if (this.socket && !this.socket.connected) this.socket.connect();
    }, Math.min(30000, 1000 * 2 ** this.kicks));
  }

  private setState(state: ConnState): void {
    this.state = state;
    this.on.state(state);
  }
}
