/**
 * @module chat/conversation-opener
 * Opening conversations: a connection resumes one it names and owns, or gets a new one that is
 * stored only with its first message (a connection that never says anything costs no storage);
 * a channel that names its threads itself (`wechat:oUser123`) opens them by that id.
 */
import { randomUUID } from 'node:crypto';
import type { Conversation, ConversationStore } from '../core/conversation';
import type { Locale } from '../core/shop';
import { AppError, ErrorCodes } from '../errors';
import type { ChatEvents } from './chat-events';

export interface OpenRequest {
  requestedId?: string;
  channel: string;
  customerId: string | null;
  locale: Locale | null;
}

export interface OpenByIdRequest {
  /** The channel's own id for the shopper's thread, e.g. `wechat:oUser123`. */
  id: string;
  channel: string;
  customerId: string | null;
  locale: Locale | null;
}

export class ConversationOpener {
  /** Conversations from `open` not stored yet, and those being stored by their first message. */
  private readonly unsaved = new WeakSet<Conversation>();
  private readonly saving = new WeakMap<Conversation, Promise<void>>();

  constructor(
    private readonly conversations: ConversationStore,
    private readonly events: ChatEvents,
  ) {}

  /**
   * Resumes `requestedId` when it exists and belongs to the caller (one read); otherwise starts a
   * new one that is only stored with its first message (`saveIfUnsaved`). Until then the new
   * conversation is `isUnsaved`.
   */
  async open(req: OpenRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    if (req.requestedId) {
      const existing = await this.conversations.get(req.requestedId);
      if (existing && existing.channel === req.channel && existing.customerId === req.customerId) {
        return { conversation: existing, resumed: true };
      }
    }
    const now = new Date().toISOString();
    const conversation: Conversation = {
      id: randomUUID(),
      channel: req.channel,
      customerId: req.customerId,
      locale: req.locale,
      handoff: false,
      createdAt: now,
      updatedAt: now,
    };
    this.unsaved.add(conversation);
    return { conversation, resumed: false };
  }

  /** True for a conversation from `open` whose first message has not been stored yet. */
  isUnsaved(conversation: Conversation): boolean {
    return this.unsaved.has(conversation);
  }

  /** Stores a conversation from `open` (once, however many first messages race) and tells watchers. */
  async saveIfUnsaved(conversation: Conversation): Promise<void> {
    if (!this.unsaved.has(conversation)) return;
    let saving = this.saving.get(conversation);
    if (!saving) {
      saving = this.conversations
        .create({ id: conversation.id, channel: conversation.channel, customerId: conversation.customerId, locale: conversation.locale })
        .then((stored) => {
          this.unsaved.delete(conversation);
          this.events.emit('conversation', stored);
        })
        .finally(() => this.saving.delete(conversation));
      this.saving.set(conversation, saving);
    }
    return saving;
  }

  /**
   * Opens the conversation a channel names itself (`channel:userId`), creating it on first use.
   * The id is the channel's, so it is only ever opened by that channel: a clash with another
   * channel's conversation is refused.
   */
  async openById(req: OpenByIdRequest): Promise<{ conversation: Conversation; resumed: boolean }> {
    const existing = await this.conversations.get(req.id);
    if (existing) {
      if (existing.channel !== req.channel) throw new AppError(ErrorCodes.notFound, 'This conversation belongs to another channel.');
      return { conversation: existing, resumed: true };
    }
    try {
      const conversation = await this.conversations.create({ id: req.id, channel: req.channel, customerId: req.customerId, locale: req.locale });
      this.events.emit('conversation', conversation);
      return { conversation, resumed: false };
    } catch (err) {
      // Two first messages at once: the other request created it.
      const raced = await this.conversations.get(req.id);
      if (raced && raced.channel === req.channel) return { conversation: raced, resumed: true };
      throw err;
    }
  }

  /** The conversation a connection was opened on. */
  async conversation(id: string): Promise<Conversation> {
    const conversation = await this.conversations.get(id);
    if (!conversation) throw new AppError(ErrorCodes.notFound, 'This conversation no longer exists.');
    return conversation;
  }
}
