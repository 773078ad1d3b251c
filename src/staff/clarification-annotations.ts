/**
 * @module staff/clarification-annotations
 * A shopper's pick of a clarifying button as a pending annotation of the teach loop: the message's
 * stored (redacted) words labelled with the intent the shopper chose, `createdBy` the
 * `clarification` source instead of a staff id. Pending, not accepted: a shopper is not a trusted
 * labeller (a tap can be careless or malicious, and an accepted annotation trains the next model),
 * so an admin accepts or rejects it in the console's Teach view like a staff correction. A staff
 * correction of the same turn replaces it while pending (one annotation per turn).
 */
import { randomUUID } from 'node:crypto';
import type { TranscriptStore } from '../core/conversation';
import type { Annotation, AnnotationStore } from '../core/staff';
import type { ClarificationChoice, ClarificationLog } from '../dialogs/clarify-intent';

/** `createdBy` of an annotation that a shopper's clarifying tap made (no staff id looks like it). */
export const CLARIFICATION_SOURCE = 'clarification';

/** Where an annotation came from: a staff correction or a shopper's clarifying tap. */
export function annotationSource(a: Pick<Annotation, 'createdBy'>): 'staff' | 'clarification' {
  return a.createdBy === CLARIFICATION_SOURCE ? 'clarification' : 'staff';
}

/**
 * @example services.clarifications = new ClarificationAnnotations({ transcripts, annotations })
 */
export class ClarificationAnnotations implements ClarificationLog {
  constructor(private readonly stores: { transcripts: TranscriptStore; annotations: AnnotationStore }) {}

  /** Adds the pending annotation; the message must be the shopper's stored text. */
  async record(choice: ClarificationChoice): Promise<void> {
    const activity = await this.stores.transcripts.get(choice.conversationId, choice.activityId);
    if (!activity || activity.from.role !== 'user' || activity.type !== 'message' || !activity.text) return;
    const top = choice.offered[0];
    const existing = await this.stores.annotations.list({ conversationId: choice.conversationId, limit: 1000 });
    // A staff member's correction of this turn (pending or reviewed) wins over a shopper's tap.
    if (existing.some((a) => a.activityId === choice.activityId && annotationSource(a) === 'staff')) return;
    await this.stores.annotations.add({
      id: randomUUID(),
      conversationId: choice.conversationId,
      activityId: choice.activityId,
      text: activity.text,
      locale: choice.locale,
      predictedIntent: top?.name ?? 'none',
      predictedScore: top?.score ?? 0,
      correctIntent: choice.chosenIntent,
      status: 'pending',
      createdBy: CLARIFICATION_SOURCE,
      createdAt: new Date().toISOString(),
    });
  }
}
