/**
 * @module channels/webhook/webhook-turns
 * Runs a webhook message's turn and collects its replies for the HTTP response. The same
 * message id is processed once: calls carrying one id run one after another in this process,
 * so a second call waits for the first to finish and then answers with the replies stored for
 * it (`repliesTo`, the stored, redacted copy) without running the turn again.
 */
import type { ChatActivity, Conversation, TranscriptStore } from '../../core/conversation';
import type { Locale } from '../../core/shop';
import type { ChatService } from '../../chat/chat-service';
import type { InboundMessage } from '../../chat/inbound';
import { TurnQueue } from '../../core/turn-queue';

export class WebhookTurns {
  /** Keyed by conversation and message id: serialises retries of one message, nothing else. */
  private readonly sameMessage = new TurnQueue();

  constructor(
    private readonly chat: ChatService,
    private readonly transcripts: TranscriptStore,
  ) {}

  /**
   * The reply messages of the message's turn (typing and `turn.end` are not replies).
   * @example const replies = await turns.run(conversation, { kind: 'message', clientId: 'm1', text: 'hi' });
   */
  async run(conversation: Conversation, inbound: InboundMessage & { clientId: string }, locale?: Locale): Promise<ChatActivity[]> {
    let replies: ChatActivity[] = [];
    await this.sameMessage.run(`${conversation.id}\n${inbound.clientId}`, async () => {
      replies = await this.once(conversation, inbound, locale);
    });
    return replies;
  }

  /**
   * The stored replies of a message whose turn is done, or null when it was never stored or its
   * turn did not complete (a crash, a store outage: then it must run).
   */
  async answered(conversationId: string, messageId: string): Promise<ChatActivity[] | null> {
    if (!(await this.transcripts.get(conversationId, messageId))) return null;
    const replies = await this.transcripts.repliesTo(conversationId, messageId);
    return replies.length > 0 ? replies : null;
  }

  private async once(conversation: Conversation, inbound: InboundMessage, locale?: Locale): Promise<ChatActivity[]> {
    const delivered: ChatActivity[] = [];
    let ran = false;
    const deliver = (activity: ChatActivity): void => {
      ran = true;
      if (activity.type === 'message') delivered.push(activity);
    };
    const { activity, turn } = await this.chat.submit(conversation, inbound, deliver, locale);
    await turn;
    // A duplicate whose turn had completed runs nothing: its replies are the stored ones. (One
    // whose turn never completed, after a crash or a store outage, runs now and is delivered.)
    return ran ? delivered : this.transcripts.repliesTo(conversation.id, activity.id);
  }
}
