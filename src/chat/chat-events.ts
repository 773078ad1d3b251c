/**
 * @module chat/chat-events
 * What happens in conversations, for whoever watches in this process (the staff console's live
 * view): every activity once stored, and every change to a conversation (new, handoff, takeover).
 * Listeners must not throw; a failing listener is logged and the others still run.
 */
import type { ChatActivity, Conversation } from '../core/conversation';
import { createLogger } from '../log';

const log = createLogger('kefu:chat-events');

export interface ChatEventMap {
  /** An activity was stored (shopper message, bot or agent reply). */
  activity: ChatActivity;
  /** A conversation was created or changed. */
  conversation: Conversation;
}

type Listener<T> = (payload: T) => void;

export class ChatEvents {
  private readonly listeners: { [K in keyof ChatEventMap]: Set<Listener<ChatEventMap[K]>> } = {
    activity: new Set(),
    conversation: new Set(),
  };

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends keyof ChatEventMap>(event: K, listener: Listener<ChatEventMap[K]>): () => void {
    this.listeners[event].add(listener);
    return () => this.listeners[event].delete(listener);
  }

  emit<K extends keyof ChatEventMap>(event: K, payload: ChatEventMap[K]): void {
    for (const listener of this.listeners[event]) {
      try {
        listener(payload);
      } catch (err) {
        log.error('a %s listener failed', event, err);
      }
    }
  }
}
