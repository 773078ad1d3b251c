/**
 * @module storage/embedded/sqlite-annotations
 * Staff corrections of recognised intents, one per shopper turn (unique conversation and
 * activity). Annotating a turn again replaces its pending annotation (the new id and fields);
 * once reviewed it is refused with `KEFU_CONFLICT`: an accepted correction may already be
 * training data, so it is changed only by a new review, never silently overwritten (`staff-store-rules`).
 */
import type { Annotation, AnnotationListOptions, AnnotationStatus, AnnotationStore } from '../../core/staff';
import type { Locale } from '../../core/shop';
import { alreadyReviewed, annotationLimit, reviewStatus } from '../staff-store-rules';
import type { SqliteDatabase } from './database';

interface Row {
  id: string;
  conversation_id: string;
  activity_id: string;
  text: string;
  locale: string;
  predicted_intent: string;
  predicted_score: number;
  correct_intent: string;
  status: string;
  created_by: string;
  created_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

function toAnnotation(r: Row): Annotation {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    activityId: r.activity_id,
    text: r.text,
    locale: r.locale as Locale,
    predictedIntent: r.predicted_intent,
    predictedScore: r.predicted_score,
    correctIntent: r.correct_intent,
    status: r.status as AnnotationStatus,
    createdBy: r.created_by,
    createdAt: r.created_at,
    ...(r.reviewed_by !== null ? { reviewedBy: r.reviewed_by } : {}),
    ...(r.reviewed_at !== null ? { reviewedAt: r.reviewed_at } : {}),
  };
}

export class SqliteAnnotationStore implements AnnotationStore {
  constructor(private readonly db: SqliteDatabase) {}

  async add(a: Annotation): Promise<Annotation> {
    const stored: Annotation = { ...a, status: 'pending' };
    delete stored.reviewedBy;
    delete stored.reviewedAt;
    const insert = this.db.statement(
        `INSERT INTO annotations (id, conversation_id, activity_id, text, locale, predicted_intent, predicted_score,
           correct_intent, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)
         ON CONFLICT (conversation_id, activity_id) DO UPDATE SET
           id = excluded.id, text = excluded.text, locale = excluded.locale, predicted_intent = excluded.predicted_intent,
           predicted_score = excluded.predicted_score, correct_intent = excluded.correct_intent,
           created_by = excluded.created_by, created_at = excluded.created_at
         WHERE annotations.status = 'pending'`,
    );
    const changes = await this.db.write(
      () =>
        insert.run(a.id, a.conversationId, a.activityId, a.text, a.locale, a.predictedIntent, a.predictedScore, a.correctIntent, a.createdBy, a.createdAt)
          .changes,
    );
    if (changes === 0) throw alreadyReviewed();
    return stored;
  }

  /** Newest first, then by id; `after` continues after the previous page's last annotation. */
  async list(options: AnnotationListOptions = {}): Promise<Annotation[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.status !== undefined) {
      where.push('status = ?');
      params.push(String(options.status));
    }
    if (options.conversationId !== undefined) {
      where.push('conversation_id = ?');
      params.push(String(options.conversationId));
    }
    if (options.after !== undefined) {
      const after = { createdAt: String(options.after.createdAt), id: String(options.after.id) };
      where.push('(created_at < ? OR (created_at = ? AND id > ?))');
      params.push(after.createdAt, after.createdAt, after.id);
    }
    const sql = `SELECT * FROM annotations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id LIMIT ?`;
    const rows = this.db.statement(sql).all(...params, annotationLimit(options.limit)) as Row[];
    return rows.map(toAnnotation);
  }

  async review(id: string, status: 'accepted' | 'rejected', by: string, at: string): Promise<Annotation | null> {
    const update = this.db.statement(`UPDATE annotations SET status = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'pending' RETURNING *`);
    const checked = reviewStatus(status);
    const row = (await this.db.write(() => update.get(checked, by, at, String(id)))) as Row | undefined;
    return row ? toAnnotation(row) : null;
  }
}
