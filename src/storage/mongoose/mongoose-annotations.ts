/**
 * @module storage/mongoose/mongoose-annotations
 * Staff corrections, one per shopper turn (unique conversation and activity). Adding updates the
 * turn's pending annotation or inserts one; when the turn's annotation was already reviewed the
 * insert meets the unique index and is refused with `KEFU_CONFLICT` (`staff-store-rules`).
 */
import type { Annotation, AnnotationListOptions, AnnotationStore } from '../../core/staff';
import { alreadyReviewed, annotationLimit, reviewStatus } from '../staff-store-rules';
import { isDuplicateKey, trusted } from './connection';
import type { AnnotationDoc, StaffModels } from './staff-models';

const toAnnotation = (d: AnnotationDoc): Annotation => ({
  id: d.annotationId,
  conversationId: d.conversationId,
  activityId: d.activityId,
  text: d.text,
  locale: d.locale,
  predictedIntent: d.predictedIntent,
  predictedScore: d.predictedScore,
  correctIntent: d.correctIntent,
  status: d.status,
  createdBy: d.createdBy,
  createdAt: d.createdAt,
  ...(d.reviewedBy ? { reviewedBy: d.reviewedBy } : {}),
  ...(d.reviewedAt ? { reviewedAt: d.reviewedAt } : {}),
});

const PROJECTION = { _id: 0 } as const;

export class MongooseAnnotationStore implements AnnotationStore {
  constructor(private readonly m: StaffModels) {}

  async add(a: Annotation): Promise<Annotation> {
    // A concurrent first add of the same turn also meets the unique index: then the turn's
    // annotation is still pending, and updating it once more is the replacement asked for.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await this.upsertPending(a);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const current = await this.m.Annotations.findOne({ conversationId: String(a.conversationId), activityId: String(a.activityId) }, { status: 1 }).lean<Pick<AnnotationDoc, 'status'>>();
      if (current && current.status !== 'pending') throw alreadyReviewed();
    }
    throw new Error('annotation of this turn kept changing while adding it');
  }

  /** Updates the turn's pending annotation, or inserts one (the filter's fields become the new document's). */
  private async upsertPending(a: Annotation): Promise<Annotation> {
    const doc = await this.m.Annotations.findOneAndUpdate(
      { conversationId: String(a.conversationId), activityId: String(a.activityId), status: 'pending' },
      {
        $set: {
          annotationId: a.id,
          text: a.text,
          locale: a.locale,
          predictedIntent: a.predictedIntent,
          predictedScore: a.predictedScore,
          correctIntent: a.correctIntent,
          createdBy: a.createdBy,
          createdAt: a.createdAt,
          reviewedBy: null,
          reviewedAt: null,
        },
      },
      { upsert: true, returnDocument: 'after', runValidators: true, projection: PROJECTION },
    ).lean<AnnotationDoc>();
    return toAnnotation(doc as AnnotationDoc);
  }

  /** Newest first, then by id; `after` continues after the previous page's last annotation. */
  async list(options: AnnotationListOptions = {}): Promise<Annotation[]> {
    const filter: Record<string, unknown> = {};
    if (options.status !== undefined) filter.status = String(options.status);
    if (options.conversationId !== undefined) filter.conversationId = String(options.conversationId);
    if (options.after !== undefined) {
      const createdAt = String(options.after.createdAt);
      filter.$or = [{ createdAt: trusted({ $lt: createdAt }) }, { createdAt, annotationId: trusted({ $gt: String(options.after.id) }) }];
    }
    const docs = await this.m.Annotations.find(filter, PROJECTION)
      .sort({ createdAt: -1, annotationId: 1 })
      .limit(annotationLimit(options.limit))
      .lean<AnnotationDoc[]>();
    return docs.map(toAnnotation);
  }

  async review(id: string, status: 'accepted' | 'rejected', by: string, at: string): Promise<Annotation | null> {
    const doc = await this.m.Annotations.findOneAndUpdate(
      { annotationId: String(id), status: 'pending' },
      { $set: { status: reviewStatus(status), reviewedBy: String(by), reviewedAt: String(at) } },
      { returnDocument: 'after', projection: PROJECTION },
    ).lean<AnnotationDoc>();
    return doc ? toAnnotation(doc) : null;
  }
}
