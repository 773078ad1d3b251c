/**
 * @module bot/turn-handoffs
 * The bot's handoff queue: the store's, noting which conversations a turn handed to staff or took
 * back from the queue, so the turn's result says so (`TurnResult.handoffChanged`) without a flag on
 * its replies or a second read of the conversation. A conversation's turns run one at a time,
 * so the note of a conversation is its current turn's.
 */
import type { HandoffEntry, HandoffQueue } from '../core/conversation';

export class TurnHandoffs implements HandoffQueue {
  private readonly changed = new Map<string, boolean>();

  constructor(private readonly queue: HandoffQueue) {}

  async enqueue(conversationId: string, reason: string, options?: { priority?: number }): Promise<void> {
    await this.queue.enqueue(conversationId, reason, options);
    this.changed.set(conversationId, true);
  }

  async release(conversationId: string): Promise<void> {
    await this.queue.release(conversationId);
    this.changed.set(conversationId, false);
  }

  list(): Promise<HandoffEntry[]> {
    return this.queue.list();
  }

  /**
   * Whether the conversation is with staff after its turn, if the turn queued or released it; forgets the note.
   * @example handoffs.take(conversation.id) ?? conversation.handoff
   */
  take(conversationId: string): boolean | undefined {
    const handoff = this.changed.get(conversationId);
    this.changed.delete(conversationId);
    return handoff;
  }
}
