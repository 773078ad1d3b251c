/**
 * @module storage/mongoose/activity-search-fields
 * The fields of an activity that staff search and the dashboard query, kept beside its JSON
 * body as explicit, typed, indexed fields (the embedded store reads the same values from its
 * JSON through expression indexes): the message text (the stored, redacted copy), the intent a
 * bot reply was handled as, and whether it shows a human was involved (an agent wrote, or a bot
 * reply handed off), and a bot reply's record of the shopper's sentiment (label, angry).
 * Activities stored before these fields existed get them once at open (the sentiment fields,
 * added later, are absent from older ones: they count as neither negative nor angry).
 */
import type { AnyBulkWriteOperation } from 'mongoose';
import type { ChatActivity } from '../../core/conversation';
import { trusted } from './connection';
import type { ActivityDoc, KefuModels } from './models';

export type ActivitySearchFields = Pick<ActivityDoc, 'text' | 'intent' | 'human' | 'sentiment' | 'angry'>;

const LABELS: ReadonlySet<unknown> = new Set(['positive', 'negative', 'neutral']);

const BACKFILL_DONE = 'activities_search_fields';
const BATCH = 500;

/** The search fields of one activity (the copy stored for staff). */
export function searchFieldsOf(activity: ChatActivity): ActivitySearchFields {
  const role = activity.from?.role;
  const intent = (activity.channelData?.intent as { name?: unknown } | undefined)?.name;
  const sentiment = role === 'bot' ? (activity.channelData?.sentiment as { label?: unknown; angry?: unknown } | undefined) : undefined;
  return {
    text: activity.type === 'message' && typeof activity.text === 'string' ? activity.text : null,
    intent: role === 'bot' && typeof intent === 'string' ? intent : null,
    human: role === 'agent' || (role === 'bot' && activity.channelData?.handoff === true),
    sentiment: LABELS.has(sentiment?.label) ? (sentiment!.label as ActivityDoc['sentiment']) : null,
    angry: sentiment?.angry === true,
  };
}

/** Fills the search fields of activities stored before they existed; once per database. */
export async function backfillSearchFields(m: KefuModels): Promise<number> {
  if (await m.Meta.exists({ _id: BACKFILL_DONE })) return 0;
  let updated = 0;
  let batch: AnyBulkWriteOperation<ActivityDoc>[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length) await m.Activities.bulkWrite(batch, { ordered: false });
    updated += batch.length;
    batch = [];
  };
  const cursor = m.Activities.find({ human: trusted({ $exists: false }) }, { json: 1 }).lean<(ActivityDoc & { _id: unknown })[]>().cursor();
  for await (const doc of cursor) {
    const fields = searchFieldsOf(JSON.parse((doc as ActivityDoc).json) as ChatActivity);
    batch.push({ updateOne: { filter: { _id: (doc as { _id: unknown })._id } as never, update: { $set: fields } } });
    if (batch.length === BATCH) await flush();
  }
  await flush();
  await m.Meta.updateOne({ _id: BACKFILL_DONE }, { $set: { value: new Date().toISOString() } }, { upsert: true });
  return updated;
}
