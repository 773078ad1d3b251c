/**
 * @module storage/mongoose/mongoose-conversation-store
 * Conversations on MongoDB, and retention: deleting idle ones with everything kept for them.
 */
import type { Connection } from 'mongoose';
import type { Conversation, ConversationPatch, ConversationStore } from '../../core/conversation';
import type { TurnLoader, TurnSnapshot } from '../../core/turn-store';
import { conversationStateKeys } from '../../core/conversation-state-keys';
import { inTransaction, trusted } from './connection';
import type { ConversationDoc, DialogStateDoc, KefuModels } from './models';
import type { AnnotationDoc, StaffModels } from './staff-models';

export function toConversation(d: ConversationDoc): Conversation {
  return {
    id: d._id,
    channel: d.channel,
    customerId: d.customerId ?? null,
    locale: d.locale ?? null,
    handoff: d.handoff === true,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export class MongooseConversationStore implements ConversationStore, TurnLoader {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
    private readonly staff: StaffModels,
  ) {}

  async create(c: Pick<Conversation, 'id' | 'channel' | 'customerId' | 'locale'>): Promise<Conversation> {
    const now = new Date().toISOString();
    // Insert unless it exists: the same id twice keeps the first (as the embedded store).
    await this.m.Conversations.updateOne(
      { _id: String(c.id) },
      {
        $setOnInsert: {
          channel: c.channel,
          customerId: c.customerId,
          locale: c.locale,
          handoff: false,
          createdAt: now,
          updatedAt: now,
        },
      },
      { upsert: true },
    );
    return (await this.get(c.id)) as Conversation;
  }

  async get(id: string): Promise<Conversation | null> {
    const doc = await this.m.Conversations.findOne({ _id: String(id) }).lean<ConversationDoc>();
    return doc ? toConversation(doc) : null;
  }

  /** The conversation, then its dialog state by the key its channel gives (two lookups by id in one call). */
  async loadTurn(id: string): Promise<TurnSnapshot | null> {
    const doc = await this.m.Conversations.findOne({ _id: String(id) }).lean<ConversationDoc>();
    if (!doc) return null;
    const conversation = toConversation(doc);
    const [key] = conversationStateKeys(conversation.id, conversation.channel);
    const state = await this.m.DialogStates.findOne({ _id: key }).lean<DialogStateDoc>();
    return { conversation, state: state ? { [key]: { ...JSON.parse(state.json), eTag: String(state.eTag) } } : {} };
  }

  async update(id: string, patch: ConversationPatch): Promise<Conversation | null> {
    const set: Partial<ConversationDoc> = { updatedAt: new Date().toISOString() };
    if (patch.locale !== undefined) set.locale = patch.locale;
    if (patch.handoff !== undefined) set.handoff = patch.handoff;
    const doc = await this.m.Conversations.findOneAndUpdate({ _id: String(id) }, { $set: set }, { returnDocument: 'after' }).lean<ConversationDoc>();
    return doc ? toConversation(doc) : null;
  }

  /**
   * Each idle conversation in one transaction, with everything kept for it (transcript, handoff
   * entry, feedback, dialog state and channel reference, staff assignment and annotations). An
   * accepted annotation is training data: its text, intent and review stay, unlinked from the
   * conversation (`conversationId` '', `activityId` its own id); pending and rejected ones go.
   */
  async deleteInactiveSince(cutoff: string): Promise<number> {
    const candidates = await this.m.Conversations.find({ updatedAt: trusted({ $lt: String(cutoff) }) }, { _id: 1, channel: 1 }).lean<Pick<ConversationDoc, '_id' | 'channel'>[]>();
    let deleted = 0;
    for (const { _id: id, channel } of candidates) {
      const active = await this.m.Activities.exists({ conversationId: id, at: trusted({ $gte: String(cutoff) }) });
      if (active) continue;
      await inTransaction(this.conn, async (session) => {
        await this.m.Activities.deleteMany({ conversationId: id }, { session });
        await this.m.Handoffs.deleteOne({ _id: id }, { session });
        await this.m.Feedback.deleteMany({ conversationId: id }, { session });
        await this.m.DialogStates.deleteMany({ _id: trusted({ $in: conversationStateKeys(id, channel) }) }, { session });
        await this.staff.Assignments.deleteOne({ _id: id }, { session });
        await this.staff.Annotations.deleteMany({ conversationId: id, status: trusted({ $ne: 'accepted' }) }, { session });
        const accepted = await this.staff.Annotations.find({ conversationId: id }, { annotationId: 1 }, { session }).lean<Pick<AnnotationDoc, 'annotationId'>[]>();
        for (const { annotationId } of accepted) {
          await this.staff.Annotations.updateOne({ annotationId }, { $set: { conversationId: '', activityId: annotationId } }, { session });
        }
        await this.m.Conversations.deleteOne({ _id: id }, { session });
      });
      deleted++;
    }
    return deleted;
  }
}
