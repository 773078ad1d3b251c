/**
 * @module test/helpers/chat-client
 * A shopper on `/chat` through socket.io-client: send a message, get every activity of its turn
 * (up to `turn.end`).
 */
import { io, type Socket } from 'socket.io-client';
import type { SessionPayload } from '../../src/core/chat-protocol';
import type { ChatActivity } from '../../src/core/conversation';

export type AckReply = { ok: true; id: string } | { ok: false; error: { code: string; message: string } };

export interface Turn {
  ack: AckReply;
  /** Every activity with `replyToId` = the message id, in arrival order (typing, messages, turn.end). */
  activities: ChatActivity[];
  /** Only the `message` activities. */
  messages: ChatActivity[];
}

export class ChatClient {
  readonly received: ChatActivity[] = [];
  readonly errors: { code: string; message: string }[] = [];
  private waiters: { replyToId: string; resolve: () => void }[] = [];

  private constructor(
    readonly socket: Socket,
    readonly session: SessionPayload,
  ) {
    socket.on('activity', (a: ChatActivity) => {
      this.received.push(a);
      if (a.type === 'event' && a.name === 'turn.end') {
        this.waiters.filter((w) => w.replyToId === a.replyToId).forEach((w) => w.resolve());
        this.waiters = this.waiters.filter((w) => w.replyToId !== a.replyToId);
      }
    });
    socket.on('error', (e: { code: string; message: string }) => this.errors.push(e));
  }

  static connect(baseUrl: string, auth: Record<string, unknown> = {}): Promise<ChatClient> {
    return new Promise((resolve, reject) => {
      const socket = io(`${baseUrl}/chat`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('session', (session: SessionPayload) => resolve(new ChatClient(socket, session)));
      socket.once('connect_error', (err: Error & { data?: { code: string } }) => {
        socket.close();
        reject(err);
      });
    });
  }

  /** Emits and waits for the ack only. */
  emit(event: string, payload: unknown): Promise<AckReply> {
    return this.socket.timeout(10000).emitWithAck(event, payload) as Promise<AckReply>;
  }

  private async turn(event: string, payload: unknown): Promise<Turn> {
    const ack = await this.emit(event, payload);
    if (!ack.ok) return { ack, activities: [], messages: [] };
    const already = this.received.some((a) => a.type === 'event' && a.name === 'turn.end' && a.replyToId === ack.id);
    if (!already) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no turn.end for ${ack.id}`)), 15000);
        this.waiters.push({ replyToId: ack.id, resolve: () => (clearTimeout(timer), resolve()) });
      });
    }
    const activities = this.received.filter((a) => a.replyToId === ack.id);
    return { ack, activities, messages: activities.filter((a) => a.type === 'message') };
  }

  say(text: string, id?: string): Promise<Turn> {
    return this.turn('message', id ? { id, text } : { text });
  }

  /** Like `say`, but a refusal for sending too fast waits the server's `retryAfterMs` and sends again, as the protocol asks of a client (for tests that poll). */
  async sayPatiently(text: string): Promise<Turn> {
    for (;;) {
      const turn = await this.say(text);
      const { ack } = turn;
      if (ack.ok || ack.error.code !== 'KEFU_RATE_LIMIT') return turn;
      await new Promise((r) => setTimeout(r, (ack.error as { retryAfterMs?: number }).retryAfterMs ?? 1000));
    }
  }

  tap(value: string): Promise<Turn> {
    return this.turn('postback', { value });
  }

  async history(payload: Record<string, unknown> = {}): Promise<ChatActivity[]> {
    const reply = (await this.socket.timeout(10000).emitWithAck('history', payload)) as { ok: boolean; activities: ChatActivity[] };
    if (!reply.ok) throw new Error('history refused');
    return reply.activities;
  }

  close(): void {
    this.socket.close();
  }
}

export function cardsOf(turn: Turn, kind: 'order' | 'product' | 'faq'): Record<string, unknown>[] {
  return turn.messages.flatMap((m) =>
    (m.attachments ?? []).filter((a) => a.contentType === `application/vnd.kefu.${kind}+json`).map((a) => a.content),
  );
}

export function textOf(turn: Turn): string {
  return turn.messages.map((m) => m.text ?? '').join('\n');
}

export function intentOf(turn: Turn): string | undefined {
  const intent = turn.messages[0]?.channelData?.intent as { name: string } | undefined;
  return intent?.name;
}
