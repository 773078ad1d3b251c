/**
 * @module storage/embedded/sqlite-conversation-store
 * Conversations on SQLite, and retention: deleting idle ones with everything kept for them.
 */
import type { Conversation, ConversationPatch, ConversationStore } from '../../core/conversation';
import type { TurnLoader, TurnSnapshot } from '../../core/turn-store';
import type { Locale } from '../../core/shop';
import { conversationStateKeys } from '../../core/conversation-state-keys';
import type { SqliteDatabase } from './database';

export interface ConversationRow {
  id: string;
  channel: string;
  customer_id: string | null;
  locale: string | null;
  handoff: number;
  created_at: string;
  updated_at: string;
}

export function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    channel: row.channel,
    customerId: row.customer_id,
    locale: (row.locale as Locale | null) ?? null,
    handoff: row.handoff === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqliteConversationStore implements ConversationStore, TurnLoader {
  constructor(private readonly db: SqliteDatabase) {}

  async create(c: Pick<Conversation, 'id' | 'channel' | 'customerId' | 'locale'>): Promise<Conversation> {
    const now = new Date().toISOString();
    const insert = this.db.statement(
      `INSERT INTO conversations (id, channel, customer_id, locale, handoff, created_at, updated_at)
       VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO NOTHING`,
    );
    return this.db.write(() => {
      insert.run(c.id, c.channel, c.customerId, c.locale, now, now);
      return this.read(c.id) as Conversation;
    });
  }

  async get(id: string): Promise<Conversation | null> {
    return this.read(id);
  }

  /** One statement: the conversation's row joined to its dialog state's (the key `conversationStateKeys` gives first). */
  async loadTurn(id: string): Promise<TurnSnapshot | null> {
    const row = this.db
      .statement(
        `SELECT c.*, d.etag AS state_etag, d.json AS state_json FROM conversations c
         LEFT JOIN dialog_state d ON d.key = c.channel || '/conversations/' || c.id || '/' WHERE c.id = ?`,
      )
      .get(id) as (ConversationRow & { state_etag: number | null; state_json: string | null }) | undefined;
    if (!row) return null;
    const conversation = toConversation(row);
    const [key] = conversationStateKeys(conversation.id, conversation.channel);
    return { conversation, state: row.state_json === null ? {} : { [key]: { ...JSON.parse(row.state_json), eTag: String(row.state_etag) } } };
  }

  private read(id: string): Conversation | null {
    const row = this.db.statement('SELECT * FROM conversations WHERE id = ?').get(id) as ConversationRow | undefined;
    return row ? toConversation(row) : null;
  }

  async update(id: string, patch: ConversationPatch): Promise<Conversation | null> {
    const sets: string[] = [];
    const values: (string | number)[] = [];
    if (patch.locale !== undefined) {
      sets.push('locale = ?');
      values.push(patch.locale);
    }
    if (patch.handoff !== undefined) {
      sets.push('handoff = ?');
      values.push(patch.handoff ? 1 : 0);
    }
    sets.push('updated_at = ?');
    values.push(new Date().toISOString());
    const update = this.db.statement(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`);
    return this.db.write(() => {
      update.run(...values, id);
      return this.read(id);
    });
  }

  /**
   * One transaction: the conversation and everything kept for it (transcript, handoff entry,
   * feedback, dialog state and channel reference, staff assignment and annotations). An
   * accepted annotation is training data: its text, intent and review stay, unlinked from the
   * conversation (`conversationId` '', `activityId` its own id); pending and rejected ones go.
   */
  async deleteInactiveSince(cutoff: string): Promise<number> {
    const select = this.db.statement(
      `SELECT id, channel FROM conversations c WHERE c.updated_at < ?
       AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND a.at >= ?)`,
    );
    const statements = [
      'DELETE FROM activities WHERE conversation_id = ?',
      'DELETE FROM handoff_queue WHERE conversation_id = ?',
      'DELETE FROM feedback WHERE conversation_id = ?',
      'DELETE FROM assignments WHERE conversation_id = ?',
      `DELETE FROM annotations WHERE conversation_id = ? AND status <> 'accepted'`,
      `UPDATE annotations SET conversation_id = '', activity_id = id WHERE conversation_id = ?`,
      'DELETE FROM conversations WHERE id = ?',
    ].map((sql) => this.db.statement(sql));
    const deleteState = this.db.statement('DELETE FROM dialog_state WHERE key = ?');
    // Chosen inside the write: a conversation that became active in the meantime stays.
    return this.db.write(() => {
      const stale = select.all(cutoff, cutoff) as { id: string; channel: string }[];
      for (const { id, channel } of stale) {
        for (const statement of statements) statement.run(id);
        for (const key of conversationStateKeys(id, channel)) deleteState.run(key);
      }
      return stale.length;
    });
  }
}
