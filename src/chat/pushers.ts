/**
 * @module chat/pushers
 * How each channel reaches a shopper outside a turn (an agent's message, a replayed answer):
 * socket rooms, a push API… One per channel, registered by the channel at start.
 */
import type { ChatActivity, Conversation } from '../core/conversation';

/** Delivers an activity to the shopper's open connections (a socket room, an HTTP response…). */
export type Deliver = (activity: ChatActivity) => void;

export class Pushers {
  private readonly byChannel = new Map<string, Deliver>();

  /** Registers how `channel` delivers to a shopper outside a turn. */
  register(channel: string, push: Deliver): void {
    this.byChannel.set(channel, push);
  }

  /** Delivers a stored activity to the shopper on the conversation's channel; false if that channel cannot. */
  push(conversation: Conversation, activity: ChatActivity): boolean {
    const pusher = this.byChannel.get(conversation.channel);
    if (!pusher) return false;
    pusher(activity);
    return true;
  }
}
