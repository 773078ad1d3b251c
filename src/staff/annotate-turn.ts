/**
 * @module staff/annotate-turn
 * A staff member marks the intent recognised for one shopper message as wrong and names the right
 * one (or `oos`). The annotation keeps the stored (redacted) words, the locale and what the bot
 * predicted, so that an accepted one can become a training utterance as it is.
 */
import { randomUUID } from 'node:crypto';
import type { Conversation, TranscriptStore } from '../core/conversation';
import type { Locale } from '../core/shop';
import type { Annotation, AnnotationStore, StaffAccount } from '../core/staff';
import { detectLocale } from '../nlp/lang/detect-locale';
import { badRequest, notFound } from './staff-error';

export interface AnnotationRequest {
  conversationId: unknown;
  activityId: unknown;
  correctIntent: unknown;
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/**
 * @throws 400 for an unknown intent or a message that is not the shopper's text, 404 for an unknown conversation or activity
 */
export async function annotateTurn(
  stores: {
    transcripts: TranscriptStore;
    annotations: AnnotationStore;
    conversation(id: string): Promise<Conversation>;
    /** The intents a turn may be annotated with: the domain's (`oos` included). */
    intents: readonly string[];
  },
  input: AnnotationRequest,
  by: StaffAccount,
): Promise<Annotation> {
  const { conversationId, activityId, correctIntent } = input;
  if (!isId(conversationId) || !isId(activityId)) throw badRequest('conversationId and activityId must be ids.', 'conversationId 和 activityId 必须是 id。');
  if (typeof correctIntent !== 'string' || !stores.intents.includes(correctIntent)) {
    throw badRequest('correctIntent must be one of the trained intents (or oos).', 'correctIntent 必须是已训练的意图之一（或 oos）。');
  }
  const conversation = await stores.conversation(conversationId);
  const activity = await stores.transcripts.get(conversationId, activityId);
  if (!activity) throw notFound('No such message in this conversation.', '这个会话里没有这条消息。');
  if (activity.from.role !== 'user' || activity.type !== 'message' || !activity.text) {
    throw badRequest('Only a shopper’s text message can be annotated.', '只能标注顾客发送的文字消息。');
  }
  const replies = await stores.transcripts.repliesTo(conversationId, activityId);
  const predicted = replies.map((r) => r.channelData?.intent as { name?: unknown; score?: unknown } | undefined).find((i) => typeof i?.name === 'string');
  // The language the bot read the words in (its replies'), else the words' own.
  const locale: Locale = replies.find((r) => r.locale)?.locale ?? activity.locale ?? conversation.locale ?? detectLocale(activity.text);
  return stores.annotations.add({
    id: randomUUID(),
    conversationId,
    activityId,
    text: activity.text,
    locale,
    predictedIntent: typeof predicted?.name === 'string' ? predicted.name : 'none',
    predictedScore: typeof predicted?.score === 'number' ? predicted.score : 0,
    correctIntent,
    status: 'pending',
    createdBy: by.id,
    createdAt: new Date().toISOString(),
  });
}
