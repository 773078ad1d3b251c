/**
 * @module storage/mongoose/staff-models
 * The schemas of the staff console's collections (issue 5), with validation and indexes. As in
 * `models.ts`, the fields queried on are explicit and typed; an audit entry's free-form detail
 * is stored as a JSON string, so none of its keys becomes a field name or an operator.
 */
import { MAX_CONVERSATION_ID } from './models';
import { Schema, type Connection, type Model } from 'mongoose';

export interface StaffAccountDoc {
  _id: string;
  /** Lower-case; unique. */
  name: string;
  displayName: string;
  role: 'agent' | 'admin';
  passwordHash: string;
  createdAt: string;
}

export interface StaffSessionDoc {
  /** SHA-256 of the token. */
  _id: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

export interface AuditDoc {
  at: string;
  staffId: string;
  staffName: string;
  action: string;
  conversationId: string | null;
  detail: string | null;
}

export interface AssignmentDoc {
  /** The conversation: one holder at most. */
  _id: string;
  staffId: string;
  staffName: string;
  since: string;
}

export interface AnnotationDoc {
  /** The annotation's id (`_id` stays MongoDB's: replacing a pending annotation changes this id). */
  annotationId: string;
  conversationId: string;
  activityId: string;
  text: string;
  locale: 'zh' | 'en';
  predictedIntent: string;
  predictedScore: number;
  correctIntent: string;
  status: 'pending' | 'accepted' | 'rejected';
  createdBy: string;
  createdAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

const id = { type: String, required: true, maxlength: 128 };
/** Conversation and activity ids, as long as `models.ts` allows them. */
const conversationKey = { type: String, required: true, maxlength: MAX_CONVERSATION_ID };
const time = { type: String, required: true, maxlength: 40 };
const options = { versionKey: false, strict: 'throw' } as const;

const accountSchema = new Schema<StaffAccountDoc>(
  {
    _id: id,
    name: { type: String, required: true, maxlength: 64 },
    displayName: { type: String, required: true, maxlength: 64 },
    role: { type: String, required: true, enum: ['agent', 'admin'] },
    passwordHash: { type: String, required: true, maxlength: 512 },
    createdAt: time,
  },
  options,
);
accountSchema.index({ name: 1 }, { unique: true });

const sessionSchema = new Schema<StaffSessionDoc>(
  { _id: { type: String, required: true, maxlength: 128 }, staffId: id, createdAt: time, expiresAt: time },
  options,
);
sessionSchema.index({ expiresAt: 1 });

const auditSchema = new Schema<AuditDoc>(
  {
    at: time,
    staffId: id,
    staffName: { type: String, required: true, maxlength: 64 },
    action: { type: String, required: true, maxlength: 32 },
    conversationId: { type: String, default: null, maxlength: MAX_CONVERSATION_ID },
    detail: { type: String, default: null, maxlength: 10_000 },
  },
  options,
);
auditSchema.index({ at: -1, _id: -1 });

const assignmentSchema = new Schema<AssignmentDoc>(
  { _id: conversationKey, staffId: id, staffName: { type: String, required: true, maxlength: 64 }, since: time },
  options,
);

const annotationSchema = new Schema<AnnotationDoc>(
  {
    annotationId: id,
    conversationId: conversationKey,
    activityId: conversationKey,
    text: { type: String, required: true, maxlength: 10_000 },
    locale: { type: String, required: true, enum: ['zh', 'en'] },
    predictedIntent: { type: String, required: true, maxlength: 128 },
    predictedScore: { type: Number, required: true },
    correctIntent: { type: String, required: true, maxlength: 128 },
    status: { type: String, required: true, enum: ['pending', 'accepted', 'rejected'] },
    createdBy: id,
    createdAt: time,
    reviewedBy: { type: String, default: null, maxlength: 128 },
    reviewedAt: { type: String, default: null, maxlength: 40 },
  },
  options,
);
annotationSchema.index({ annotationId: 1 }, { unique: true });
annotationSchema.index({ conversationId: 1, activityId: 1 }, { unique: true });
annotationSchema.index({ status: 1, createdAt: -1 });

export interface StaffModels {
  Accounts: Model<StaffAccountDoc>;
  Sessions: Model<StaffSessionDoc>;
  Audit: Model<AuditDoc>;
  Assignments: Model<AssignmentDoc>;
  Annotations: Model<AnnotationDoc>;
}

export function createStaffModels(conn: Connection): StaffModels {
  return {
    Accounts: conn.model<StaffAccountDoc>('StaffAccount', accountSchema, 'staff_accounts'),
    Sessions: conn.model<StaffSessionDoc>('StaffSession', sessionSchema, 'staff_sessions'),
    Audit: conn.model<AuditDoc>('AuditEntry', auditSchema, 'audit_log'),
    Assignments: conn.model<AssignmentDoc>('Assignment', assignmentSchema, 'assignments'),
    Annotations: conn.model<AnnotationDoc>('Annotation', annotationSchema, 'annotations'),
  };
}
