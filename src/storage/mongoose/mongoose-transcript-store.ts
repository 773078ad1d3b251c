/**
 * @module storage/mongoose/mongoose-transcript-store
 * Activities in arrival order (`_id`, an ObjectId: increasing within a process, and one
 * conversation's turns run in one process at a time), unique per conversation and id.
 */
import { Types, type ClientSession, type Connection } from 'mongoose';
import type { AppendOptions, AppendResult, ChatActivity, TranscriptStore, TranscriptView, UnansweredActivity } from '../../core/conversation';
import type { TurnCommit, TurnCommitter } from '../../core/turn-store';
import { searchFieldsOf } from './activity-search-fields';
import { inTransaction, isDuplicateKey, trusted } from './connection';
import type { ActivityDoc, KefuModels } from './models';
import { writeDialogStates } from './mongoose-storage';

const MAX_PAGE = 100;
const MAX_SCAN = 1000;

type StoredActivity = ActivityDoc & { _id: Types.ObjectId };

function toDoc(activity: ChatActivity, { raw, rawUntil }: AppendOptions): ActivityDoc {
  const keepRaw = raw !== undefined && rawUntil !== undefined;
  return {
    conversationId: activity.conversationId,
    activityId: activity.id,
    replyToId: activity.replyToId ?? null,
    type: activity.type,
    role: activity.from.role,
    at: activity.timestamp,
    json: JSON.stringify(activity),
    rawJson: keepRaw ? JSON.stringify(raw) : null,
    rawUntil: keepRaw ? (rawUntil as string) : null,
    ...searchFieldsOf(activity),
  };
}

function read(doc: Pick<ActivityDoc, 'json' | 'rawJson' | 'rawUntil'>, view: TranscriptView, now: string): ChatActivity {
  const useRaw = view === 'owner' && doc.rawJson && doc.rawUntil && doc.rawUntil > now;
  return JSON.parse(useRaw ? (doc.rawJson as string) : doc.json) as ChatActivity;
}

export class MongooseTranscriptStore implements TranscriptStore, TurnCommitter {
  constructor(
    private readonly conn: Connection,
    private readonly m: KefuModels,
  ) {}

  async append(activity: ChatActivity, options: AppendOptions = {}): Promise<AppendResult> {
    try {
      await this.m.Activities.create(toDoc(activity, options));
      return { activity, inserted: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return { activity: (await this.get(activity.conversationId, activity.id)) ?? activity, inserted: false };
    }
  }

  /** All or nothing: one transaction; an id already stored is reported, not inserted again. */
  async appendAll(activities: ChatActivity[], options: { raw?: (ChatActivity | undefined)[]; rawUntil?: string } = {}): Promise<AppendResult[]> {
    return inTransaction(this.conn, (session) => this.insertAll(session, activities, options));
  }

  /** A turn's results in one transaction: its dialog state (eTag checked first), its language, its replies. */
  async commitTurn(turn: TurnCommit, options: { raw?: (ChatActivity | undefined)[]; rawUntil?: string } = {}): Promise<AppendResult[]> {
    return inTransaction(this.conn, async (session) => {
      await writeDialogStates(this.m, session, turn.state);
      if (turn.locale) {
        await this.m.Conversations.updateOne({ _id: String(turn.conversationId) }, { $set: { locale: turn.locale, updatedAt: new Date().toISOString() } }, { session });
      }
      return this.insertAll(session, turn.replies, options);
    });
  }

  private async insertAll(session: ClientSession, activities: ChatActivity[], options: { raw?: (ChatActivity | undefined)[]; rawUntil?: string }): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const [i, activity] of activities.entries()) {
      const doc = toDoc(activity, { raw: options.raw?.[i], rawUntil: options.rawUntil });
      const r = await this.m.Activities.updateOne(
        { conversationId: doc.conversationId, activityId: doc.activityId },
        { $setOnInsert: doc },
        { upsert: true, session, runValidators: true },
      );
      if (r.upsertedCount === 1) results.push({ activity, inserted: true });
      else {
        const existing = await this.m.Activities.findOne({ conversationId: doc.conversationId, activityId: doc.activityId }, { json: 1 }, { session }).lean<ActivityDoc>();
        results.push({ activity: existing ? (JSON.parse(existing.json) as ChatActivity) : activity, inserted: false });
      }
    }
    return results;
  }

  async get(conversationId: string, activityId: string): Promise<ChatActivity | null> {
    const doc = await this.m.Activities.findOne({ conversationId: String(conversationId), activityId: String(activityId) }, { json: 1 }).lean<ActivityDoc>();
    return doc ? (JSON.parse(doc.json) as ChatActivity) : null;
  }

  async list(conversationId: string, options: { before?: string; limit?: number; view?: TranscriptView } = {}): Promise<ChatActivity[]> {
    const limit = Math.max(1, Math.min(MAX_PAGE, Math.floor(options.limit ?? MAX_PAGE)));
    const filter: Record<string, unknown> = { conversationId: String(conversationId) };
    if (options.before !== undefined) {
      const anchor = await this.m.Activities.findOne({ conversationId: String(conversationId), activityId: String(options.before) }, { _id: 1 }).lean<StoredActivity>();
      if (!anchor) return [];
      filter._id = trusted({ $lt: anchor._id });
    }
    const docs = await this.m.Activities.find(filter, { json: 1, rawJson: 1, rawUntil: 1 }).sort({ _id: -1 }).limit(limit).lean<StoredActivity[]>();
    const now = new Date().toISOString();
    return docs.reverse().map((d) => read(d, options.view ?? 'staff', now));
  }

  async repliesTo(conversationId: string, activityId: string): Promise<ChatActivity[]> {
    const docs = await this.m.Activities.find({ conversationId: String(conversationId), replyToId: String(activityId) }, { json: 1 }).sort({ _id: 1 }).lean<StoredActivity[]>();
    return docs.map((d) => JSON.parse(d.json) as ChatActivity);
  }

  async scan(since: string, options: { cursor?: string; limit?: number } = {}): Promise<{ activities: ChatActivity[]; next?: string }> {
    const limit = Math.max(1, Math.min(MAX_SCAN, Math.floor(options.limit ?? MAX_SCAN)));
    const filter: Record<string, unknown> = { at: trusted({ $gte: String(since) }) };
    if (options.cursor !== undefined) {
      if (!Types.ObjectId.isValid(options.cursor)) throw new Error('bad export cursor');
      filter._id = trusted({ $gt: new Types.ObjectId(options.cursor) });
    }
    const docs = await this.m.Activities.find(filter, { json: 1 }).sort({ _id: 1 }).limit(limit).lean<StoredActivity[]>();
    const activities = docs.map((d) => JSON.parse(d.json) as ChatActivity);
    return docs.length === limit ? { activities, next: String(docs[docs.length - 1]._id) } : { activities };
  }

  /**
   * One pipeline: shopper messages by time (`messages_role_at`), each looked up for a reply
   * (conversation + reply-to index), for a later answered shopper message or agent message
   * (conversation + time index: the shopper or staff moved on), and for its conversation's
   * handoff flag.
   */
  async unanswered(since: string, limit: number): Promise<UnansweredActivity[]> {
    const activities = this.m.Activities.collection.collectionName;
    // A reply to the activity of the enclosing stage (`$$c`, `$$a`): conversation + reply-to index.
    const repliedTo = [{ $match: { $expr: { $and: [{ $eq: ['$conversationId', '$$c'] }, { $eq: ['$replyToId', '$$a'] }] } } }, { $limit: 1 }, { $project: { _id: 1 } }];
    const docs = await this.m.Activities.aggregate<StoredActivity>([
      { $match: { role: 'user', type: 'message', at: { $gte: String(since) } } },
      {
        $lookup: {
          from: activities,
          let: { c: '$conversationId', a: '$activityId' },
          pipeline: repliedTo,
          as: 'replies',
        },
      },
      { $match: { replies: { $size: 0 } } },
      {
        $lookup: {
          from: activities,
          let: { c: '$conversationId', at: '$at', id: '$_id' },
          pipeline: [
            { $match: { $expr: { $and: [{ $eq: ['$conversationId', '$$c'] }, { $gte: ['$at', '$$at'] }, { $gt: ['$_id', '$$id'] }, { $ne: ['$role', 'bot'] }] } } },
            { $lookup: { from: activities, let: { c: '$conversationId', a: '$activityId' }, pipeline: repliedTo, as: 'replies' } },
            { $match: { $or: [{ role: 'agent' }, { 'replies.0': { $exists: true } }] } },
            { $limit: 1 },
            { $project: { _id: 1 } },
          ],
          as: 'later',
        },
      },
      { $match: { later: { $size: 0 } } },
      { $lookup: { from: this.m.Conversations.collection.collectionName, localField: 'conversationId', foreignField: '_id', as: 'conversation' } },
      { $match: { 'conversation.handoff': false } },
      { $sort: { _id: 1 } },
      { $limit: Math.max(1, Math.floor(limit)) },
      { $project: { json: 1, rawJson: 1, rawUntil: 1 } },
    ]);
    const now = new Date().toISOString();
    return docs.map((d) => ({ activity: read(d, 'owner', now) }));
  }

  async purgeRaw(now: string): Promise<number> {
    const r = await this.m.Activities.updateMany(
      { rawUntil: trusted({ $type: 'string', $lte: String(now) }) },
      { $set: { rawJson: null, rawUntil: null } },
    );
    return r.modifiedCount;
  }
}
