/**
 * @module channels/botframework/reference-store
 * Where a kefu conversation is reached on Bot Framework outside a turn (an agent's message):
 * the latest `ConversationReference` of the shopper, and the numbered menu last shown on a
 * text-only channel. Kept in the store's botbuilder `Storage` (dialog state) under
 * `botframework/references/<conversationId>`, so that it survives restarts and is shared by
 * servers on the same database; writes are skipped when nothing changed.
 */
import type { ConversationReference, Storage } from 'botbuilder';
import type { SuggestedAction } from '../../core/conversation';

export interface ChannelLink {
  reference: Partial<ConversationReference>;
  /** The actions a text-only channel showed as "1. …", for the shopper's answer by number. */
  menu?: SuggestedAction[];
}

/** How many unchanged links are remembered before the memory starts over. */
const MAX_REMEMBERED = 10_000;

export class ReferenceStore {
  /** The last written JSON per key, so that an unchanged link is not written again. */
  private readonly written = new Map<string, string>();

  constructor(private readonly storage: Storage) {}

  static key(conversationId: string): string {
    return `botframework/references/${conversationId}`;
  }

  async get(conversationId: string): Promise<ChannelLink | null> {
    const key = ReferenceStore.key(conversationId);
    const item = (await this.storage.read([key]))[key] as (ChannelLink & { eTag?: string }) | undefined;
    if (!item?.reference) return null;
    return { reference: item.reference, ...(item.menu?.length ? { menu: item.menu } : {}) };
  }

  async save(conversationId: string, link: ChannelLink): Promise<void> {
    const key = ReferenceStore.key(conversationId);
    const value: ChannelLink = { reference: link.reference, ...(link.menu?.length ? { menu: link.menu } : {}) };
    const json = JSON.stringify(value);
    if (this.written.get(key) === json) return;
    // Last write wins: the newest reference is where the shopper last wrote from.
    await this.storage.write({ [key]: { ...value, eTag: '*' } });
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, json);
  }
}
