/**
 * @module storage/mongoose/mongoose-conversation-search
 * Transcript search and dashboard numbers as aggregation pipelines over the activities' search
 * fields (`activity-search-fields.ts`: text, intent, human; indexed in `models.ts`). A search
 * first narrows the conversations with one indexed look-up per activity filter (intersected),
 * then groups their activities to the last activity time, joins the conversations, pages newest
 * first on (last activity, id) and summarises only the page. Every user value is a plain string
 * in a value position (the text as an escaped regular expression), never an operator.
 */
import type { PipelineStage } from 'mongoose';
import type { ConversationSearch, ConversationSummary, DashboardStats, TranscriptFilter } from '../../core/conversation-search';
import { assembleDashboard, checkFilter, dashboardRange, decodeCursor, encodeCursor, searchLimit } from '../conversation-search-rules';
import { trusted } from './connection';
import { toConversation } from './mongoose-conversation-store';
import type { ActivityDoc, ConversationDoc, KefuModels } from './models';

/** The text as a regular expression that matches it literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const day = { $substrBytes: ['$at', 0, 10] };

interface PageRow {
  _id: string;
  lastActivityAt: string;
  c: ConversationDoc;
}

function intersect(sets: string[][]): string[] | undefined {
  if (sets.length === 0) return undefined;
  const [first, ...rest] = [...sets].sort((a, b) => a.length - b.length);
  const others = rest.map((s) => new Set(s));
  return first.filter((id) => others.every((s) => s.has(id)));
}

export class MongooseConversationSearch implements ConversationSearch {
  constructor(private readonly m: KefuModels) {}

  async search(filter: TranscriptFilter, page: { cursor?: string; limit?: number } = {}): Promise<{ items: ConversationSummary[]; next?: string }> {
    const f = checkFilter(filter);
    const limit = searchLimit(page.limit);
    const cursor = decodeCursor(page.cursor);
    const candidates = intersect(await this.candidateSets(f));
    if (candidates?.length === 0) return { items: [] };
    const human = f.handoff === undefined ? [] : ((await this.m.Activities.distinct('conversationId', { human: true })) as string[]);
    const conversation: Record<string, unknown> = {};
    if (f.locale !== undefined) conversation['c.locale'] = f.locale;
    if (f.channel !== undefined) conversation['c.channel'] = f.channel;
    if (f.handoff === true) conversation.$or = [{ 'c.handoff': true }, { _id: { $in: human } }];
    if (f.handoff === false) Object.assign(conversation, { 'c.handoff': { $ne: true }, _id: { $nin: human } });
    const pipeline: PipelineStage[] = [
      ...(candidates ? [{ $match: { conversationId: { $in: candidates } } }] : []),
      // Sorted as the (conversationId, at) index, so the last time of each is its first entry.
      { $sort: { conversationId: -1, at: -1 } },
      { $group: { _id: '$conversationId', lastActivityAt: { $first: '$at' } } },
      ...(cursor ? [{ $match: { $or: [{ lastActivityAt: { $lt: cursor.at } }, { lastActivityAt: cursor.at, _id: { $lt: cursor.id } }] } }] : []),
      { $lookup: { from: this.m.Conversations.collection.collectionName, localField: '_id', foreignField: '_id', as: 'c' } },
      { $unwind: '$c' },
      ...(Object.keys(conversation).length ? [{ $match: conversation }] : []),
      { $sort: { lastActivityAt: -1, _id: -1 } },
      { $limit: limit + 1 },
    ];
    const rows = await this.m.Activities.aggregate<PageRow>(pipeline).allowDiskUse(true);
    const items = await Promise.all(rows.slice(0, limit).map((row) => this.summary(row)));
    const last = items[items.length - 1];
    return rows.length > limit ? { items, next: encodeCursor({ at: last.lastActivityAt, id: last.conversation.id }) } : { items };
  }

  /** For each filter on activities (and the customer), the conversations that pass it. */
  private async candidateSets(f: TranscriptFilter): Promise<string[][]> {
    const sets: Promise<string[]>[] = [];
    const ids = (query: Record<string, unknown>): Promise<string[]> => this.m.Activities.distinct('conversationId', query) as Promise<string[]>;
    if (f.from !== undefined || f.to !== undefined) {
      sets.push(ids({ at: trusted({ ...(f.from !== undefined ? { $gte: f.from } : {}), ...(f.to !== undefined ? { $lt: f.to } : {}) }) }));
    }
    if (f.text !== undefined) sets.push(ids({ type: 'message', text: trusted({ $regex: literal(f.text), $options: 'i' }) }));
    if (f.intent !== undefined) sets.push(ids({ intent: f.intent }));
    if (f.customerId !== undefined) sets.push(this.m.Conversations.distinct('_id', { customerId: f.customerId }) as Promise<string[]>);
    if (f.rating !== undefined) {
      sets.push(
        this.m.Feedback.aggregate<{ _id: string }>([
          { $match: { rating: f.rating } },
          {
            $lookup: {
              from: this.m.Activities.collection.collectionName,
              let: { c: '$conversationId', a: '$activityId' },
              pipeline: [{ $match: { $expr: { $and: [{ $eq: ['$conversationId', '$$c'] }, { $eq: ['$activityId', '$$a'] }] } } }, { $limit: 1 }, { $project: { _id: 1 } }],
              as: 'rated',
            },
          },
          { $match: { 'rated.0': { $exists: true } } },
          { $group: { _id: '$conversationId' } },
        ]).then((rows) => rows.map((r) => r._id)),
      );
    }
    return Promise.all(sets);
  }

  private async summary(row: PageRow): Promise<ConversationSummary> {
    const id = row._id;
    const [userMessages, last, intents, humanActivity] = await Promise.all([
      this.m.Activities.countDocuments({ conversationId: id, role: 'user', type: 'message' }),
      this.m.Activities.findOne({ conversationId: id, type: 'message', text: trusted({ $type: 'string' }) }, { text: 1 })
        .sort({ at: -1, _id: -1 })
        .lean<Pick<ActivityDoc, 'text'>>(),
      // A turn's replies all carry its intent: count turns (the message replied to), not replies.
      this.m.Activities.aggregate<{ _id: string }>([
        { $match: { conversationId: id, intent: { $type: 'string' } } },
        { $group: { _id: { intent: '$intent', turn: { $ifNull: ['$replyToId', '$activityId'] } } } },
        { $group: { _id: '$_id.intent', turns: { $sum: 1 } } },
        { $sort: { turns: -1, _id: 1 } },
      ]),
      this.m.Activities.exists({ conversationId: id, human: true }),
    ]);
    return {
      conversation: toConversation(row.c),
      lastActivityAt: row.lastActivityAt,
      userMessages,
      ...(typeof last?.text === 'string' ? { lastText: last.text } : {}),
      intents: intents.map((i) => i._id),
      humanInvolved: row.c.handoff === true || humanActivity !== null,
    };
  }

  async dashboard(input: { from: string; to: string }): Promise<DashboardStats> {
    const range = dashboardRange(input);
    const at = { $gte: range.from, $lt: range.to };
    // Days on which a human took part in a conversation: few, listed once.
    const human = await this.m.Activities.aggregate<{ _id: string }>([
      { $match: { human: true, at } },
      { $group: { _id: { $concat: [day, ' ', '$conversationId'] } } },
    ]);
    const days = await this.m.Activities.aggregate<{ _id: string; conversations: number; handedOff: number }>([
      { $match: { role: 'user', type: 'message', at } },
      { $group: { _id: { day, c: '$conversationId' } } },
      {
        $group: {
          _id: '$_id.day',
          conversations: { $sum: 1 },
          handedOff: { $sum: { $cond: [{ $in: [{ $concat: ['$_id.day', ' ', '$_id.c'] }, { $literal: human.map((h) => h._id) }] }, 1, 0] } },
        },
      },
    ]).allowDiskUse(true);
    // One row per shopper turn answered with an intent, dated by its first reply and counted as that reply's intent.
    // The shopper's sentiment as that first reply records it.
    const turns = await this.m.Activities.aggregate<{ _id: { day: string; intent: string }; turns: number; negative: number; angry: number }>([
      { $match: { intent: { $type: 'string' }, replyToId: { $type: 'string' }, at } },
      { $sort: { at: 1, _id: 1 } },
      {
        $group: {
          _id: { c: '$conversationId', r: '$replyToId' },
          day: { $first: day },
          intent: { $first: '$intent' },
          sentiment: { $first: '$sentiment' },
          angry: { $first: '$angry' },
        },
      },
      {
        $group: {
          _id: { day: '$day', intent: '$intent' },
          turns: { $sum: 1 },
          negative: { $sum: { $cond: [{ $eq: ['$sentiment', 'negative'] }, 1, 0] } },
          angry: { $sum: { $cond: [{ $eq: ['$angry', true] }, 1, 0] } },
        },
      },
    ]).allowDiskUse(true);
    const feedback = await this.m.Feedback.aggregate<{ _id: string; up: number; down: number }>([
      {
        $lookup: {
          from: this.m.Activities.collection.collectionName,
          let: { c: '$conversationId', a: '$activityId' },
          pipeline: [
            { $match: { $expr: { $and: [{ $eq: ['$conversationId', '$$c'] }, { $eq: ['$activityId', '$$a'] }] } } },
            { $match: { role: 'bot', intent: { $type: 'string' }, at } },
            { $project: { intent: 1 } },
          ],
          as: 'rated',
        },
      },
      { $unwind: '$rated' },
      {
        $group: {
          _id: '$rated.intent',
          up: { $sum: { $cond: [{ $eq: ['$rating', 'up'] }, 1, 0] } },
          down: { $sum: { $cond: [{ $eq: ['$rating', 'down'] }, 1, 0] } },
        },
      },
    ]);
    return assembleDashboard(
      range,
      days.map((d) => ({ date: d._id, conversations: d.conversations, handedOff: d.handedOff })),
      turns.map((t) => ({ date: t._id.day, intent: t._id.intent, turns: t.turns, negative: t.negative, angry: t.angry })),
      feedback.map((r) => ({ intent: r._id, up: r.up, down: r.down })),
    );
  }
}
