/**
 * @module staff/conversation-turns
 * A transcript as turns for review: each shopper message with the bot's replies to it (their
 * `replyToId`), the intent and confidence, the entities and the shopper's sentiment the replies
 * carry in `channelData`;
 * each agent message a turn of its own. Paged from the newest turn backwards; each turn staff
 * annotated carries its annotation.
 */
import type { ChatActivity, TranscriptStore } from '../core/conversation';
import type { MessageSentiment } from '../core/nlu';
import type { Annotation, AnnotationStore } from '../core/staff';
import { listAllAnnotations } from './accepted-examples';
import { maskPersonalEntities } from './staff-copy';

/** An entity as the bot records it on its replies (`channelData.entities`). */
export interface TurnEntity {
  type: string;
  value: unknown;
  start: number;
  end: number;
}

export interface Turn {
  /** The id of the activity that starts the turn. */
  id: string;
  at: string;
  role: 'user' | 'agent' | 'bot';
  activity: ChatActivity;
  intent?: { name: string; score: number };
  entities?: TurnEntity[];
  /** How the shopper's message read (`channelData.sentiment`, issue 11): absent before it was scored. */
  sentiment?: TurnSentiment;
  replies: ChatActivity[];
  annotation?: Annotation;
}

/** Activities read per store call while collecting a page of turns (the store's own cap). */
const READ_PAGE = 100;

function intentOf(replies: ChatActivity[]): Turn['intent'] {
  for (const r of replies) {
    const intent = r.channelData?.intent as { name?: unknown; score?: unknown } | undefined;
    if (intent && typeof intent.name === 'string' && typeof intent.score === 'number') return { name: intent.name, score: intent.score };
  }
  return undefined;
}

function entitiesOf(replies: ChatActivity[]): TurnEntity[] | undefined {
  for (const r of replies) {
    const entities = r.channelData?.entities;
    if (Array.isArray(entities)) return entities as TurnEntity[];
  }
  return undefined;
}

/** The scores, and whether the bot took the shopper as angry (empathy first, front of the queue). */
export interface TurnSentiment extends MessageSentiment {
  angry: boolean;
}

const LABELS: ReadonlySet<unknown> = new Set(['positive', 'negative', 'neutral']);

function sentimentOf(replies: ChatActivity[]): TurnSentiment | undefined {
  for (const r of replies) {
    const s = r.channelData?.sentiment as Partial<TurnSentiment> | undefined;
    if (s && LABELS.has(s.label) && typeof s.score === 'number' && typeof s.anger === 'number') {
      return { label: s.label as MessageSentiment['label'], score: s.score, anger: s.anger, angry: s.angry === true };
    }
  }
  return undefined;
}

const startsTurn = (a: ChatActivity): boolean => a.from.role === 'user' || a.from.role === 'agent';

/**
 * Groups messages (oldest first) into turns. A bot message whose shopper message is not among
 * them (a page boundary, a greeting on its own) is a `bot` turn.
 */
export function groupTurns(activities: readonly ChatActivity[]): Turn[] {
  const turns: Turn[] = [];
  const byId = new Map<string, Turn>();
  for (const a of activities) {
    if (a.type !== 'message') continue;
    const owner = a.from.role === 'bot' && a.replyToId ? byId.get(a.replyToId) : undefined;
    if (owner) {
      owner.replies.push(a);
      continue;
    }
    const turn: Turn = { id: a.id, at: a.timestamp, role: a.from.role, activity: a, replies: [] };
    turns.push(turn);
    if (startsTurn(a)) byId.set(a.id, turn);
  }
  for (const t of turns) {
    const intent = intentOf(t.replies);
    const entities = entitiesOf(t.replies);
    const sentiment = t.role === 'user' ? sentimentOf(t.replies) : undefined;
    if (intent) t.intent = intent;
    if (entities) t.entities = entities;
    if (sentiment) t.sentiment = sentiment;
  }
  return turns;
}

/**
 * The last `limit` turns before the turn starting at `before` (all when absent), oldest first;
 * `before` in the answer is set when older turns exist.
 * @example const { turns, before } = await readTurns(stores.transcripts, id, { limit: 20 });
 */
export async function readTurns(
  transcripts: TranscriptStore,
  conversationId: string,
  page: { before?: string; limit: number },
): Promise<{ turns: Turn[]; before?: string }> {
  const collected: ChatActivity[] = [];
  let cursor = page.before;
  let starts = 0;
  // Read backwards until one more turn start than asked for is in hand (then older turns exist).
  for (;;) {
    const chunk = await transcripts.list(conversationId, { before: cursor, limit: READ_PAGE, view: 'staff' });
    collected.unshift(...chunk.map(maskPersonalEntities));
    starts += chunk.filter((a) => a.type === 'message' && startsTurn(a)).length;
    if (starts > page.limit || chunk.length < READ_PAGE) break;
    cursor = chunk[0].id;
  }
  const startIndexes = collected.flatMap((a, i) => (a.type === 'message' && startsTurn(a) ? [i] : []));
  if (startIndexes.length <= page.limit) return { turns: groupTurns(collected) };
  const first = startIndexes[startIndexes.length - page.limit];
  return { turns: groupTurns(collected.slice(first)), before: collected[first].id };
}

/**
 * Attaches to each turn the annotation of its activity, read from the conversation's own
 * annotations (all of them, however many).
 * @example await attachAnnotations(page.turns, stores.staff.annotations, conversation.id);
 */
export async function attachAnnotations(turns: Turn[], annotations: AnnotationStore, conversationId: string): Promise<void> {
  const mine = await listAllAnnotations(annotations, { conversationId });
  const byActivity = new Map(mine.map((a) => [a.activityId, a]));
  for (const turn of turns) {
    const annotation = byActivity.get(turn.id);
    if (annotation) turn.annotation = annotation;
  }
}
