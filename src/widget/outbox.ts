/**
 * @module widget/outbox
 * What the shopper sent and whether the server took it: each message or tap is emitted with the
 * client's id (the protocol's idempotency key, so a retry is processed once), marked pending,
 * sent on its acknowledgement or when it comes back as an activity, or failed with a retry
 * button. Sent before the socket exists, it waits and goes on connect.
 */
import type { AckReply, ErrorBody } from '../core/chat-protocol';
import type { Connection, MessagePayload, OnAck, PostbackPayload } from './connection';
import type { MessageLog } from './message-log';
import { showStatus, type SendStatus } from './message-status';
import type { Timers } from './timers';
import type { WidgetTexts } from './widget-texts';

/** How long a message may wait for its acknowledgement before it shows as failed. */
export const ACK_TIMEOUT_MS = 10000;

export type Turn = { event: 'message'; payload: MessagePayload } | { event: 'postback'; payload: PostbackPayload };

interface Entry {
  id: string;
  turn: Turn;
  row: HTMLElement;
  status: SendStatus;
  attempt: number;
  timer?: number;
  /** The acknowledgement handler of an emit that waits for the socket. */
  queued: OnAck<{ id: string }> | null;
}

export interface OutboxDeps {
  conn: Connection;
  log: MessageLog;
  timers: Timers;
  t: WidgetTexts;
  errorText(error: Partial<ErrorBody> | undefined): string;
  /** False once the widget is gone: late acknowledgements change nothing. */
  alive(): boolean;
}

export class Outbox {
  /** By the client's id, and by the stored id when the server chose another. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly deps: OutboxDeps) {}

  /** Emits `turn` as message `id`, whose row is already shown. */
  send(id: string, turn: Turn, row: HTMLElement): void {
    const entry: Entry = { id, turn, row, status: 'pending', attempt: 0, queued: null };
    this.entries.set(id, entry);
    this.emit(entry);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The message came back from the server (history, another tab): it arrived. */
  confirm(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.status === 'sent') return;
    clearTimeout(entry.timer);
    this.setStatus(entry, 'sent');
  }

  /** Emits what waited for the socket. */
  flush(): void {
    for (const entry of new Set(this.entries.values())) {
      if (entry.queued && entry.status === 'pending') {
        const ack = entry.queued;
        entry.queued = null;
        this.emitNow(entry, ack);
      }
    }
  }

  /** Forgets every message (a new conversation). */
  clear(): void {
    this.entries.clear();
  }

  private emit(entry: Entry): void {
    const { deps } = this;
    entry.attempt++;
    const attempt = entry.attempt;
    this.setStatus(entry, 'pending');
    entry.timer = deps.timers.later(() => {
      if (entry.attempt === attempt && entry.status === 'pending') this.setStatus(entry, 'failed', deps.t.text('timeout'));
    }, ACK_TIMEOUT_MS);
    const ack = (res: AckReply<{ id: string }> | undefined): void => {
      if (!deps.alive()) return;
      if (res && res.ok) {
        // A late success still counts: the server stored the message.
        clearTimeout(entry.timer);
        if (res.id && res.id !== entry.id) this.entries.set(String(res.id), entry);
        this.setStatus(entry, 'sent');
      } else if (entry.attempt === attempt) {
        clearTimeout(entry.timer);
        this.setStatus(entry, 'failed', deps.errorText(res?.error));
      }
    };
    if (deps.conn.ready) {
      entry.queued = null;
      this.emitNow(entry, ack);
    } else {
      entry.queued = ack; // socket.io not loaded yet; flushed on connect
    }
  }

  private emitNow(entry: Entry, ack: OnAck<{ id: string }>): void {
    const { turn } = entry;
    if (turn.event === 'message') this.deps.conn.message(turn.payload, ack);
    else this.deps.conn.postback(turn.payload, ack);
  }

  private setStatus(entry: Entry, status: SendStatus, message?: string): void {
    entry.status = status;
    this.deps.log.holdPosition();
    showStatus(entry.row, status, this.deps.t, { message, retry: () => this.emit(entry) });
    this.deps.log.scrollToBottom(false);
  }
}
