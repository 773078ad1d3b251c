/**
 * @module channels/botframework/reference-store
 * Where a kefu conversation is reached on Bot Framework outside a turn (an agent's message):
 * the latest `ConversationReference` of the shopper, and the numbered menu last shown on a
 * text-only channel. Kept in the store's botbuilder `Storage` (dialog state) under
 * `botframework/references/<conversationId>`, so that it survives restarts and is shared by
 * servers on the same database; retention deletes it with the conversation
 * (`core/conversation-state-keys`). A write is skipped when the link equals the one the turn
 * read: compared with the store's copy, not a memory of past writes, so a link deleted by
 * retention or changed by another server is written again.
 */
import type { ConversationReference, Storage } from 'botbuilder';
import type { SuggestedAction } from '../../core/conversation';

export interface ChannelLink {
  reference: Partial<ConversationReference>;
  /** The actions a text-only channel showed as "1. …", for the shopper's answer by number. */
  menu?: SuggestedAction[];
}

const normalized = (link: ChannelLink): ChannelLink => ({ reference: link.reference, ...(link.menu?.length ? { menu: link.menu } : {}) });

export class ReferenceStore {
  constructor(private readonly storage: Storage) {}

  static key(conversationId: string): string {
    return `botframework/references/${conversationId}`;
  }

  async get(conversationId: string): Promise<ChannelLink | null> {
    const key = ReferenceStore.key(conversationId);
    const item = (await this.storage.read([key]))[key] as (ChannelLink & { eTag?: string }) | undefined;
    if (!item?.reference) return null;
    return normalized(item);
  }

  /**
   * Stores `link` unless it equals `current`, the stored link as last seen (what `get` gave, or
   * the previous `save`); resolves with the link now stored.
   */
  async save(conversationId: string, link: ChannelLink, current: ChannelLink | null): Promise<ChannelLink> {
    const value = normalized(link);
    if (current && JSON.stringify(normalized(current)) === JSON.stringify(value)) return value;
    // Last write wins: the newest reference is where the shopper last wrote from.
    await this.storage.write({ [ReferenceStore.key(conversationId)]: { ...value, eTag: '*' } });
    return value;
  }
}
