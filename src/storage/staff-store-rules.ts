/**
 * @module storage/staff-store-rules
 * What every adapter of the staff ports does the same way: the stored form of a login name,
 * page sizes, and the errors a refused write gives (`KEFU_CONFLICT`, passed through the guarded
 * stores unchanged).
 */
import { AppError, ErrorCodes } from '../errors';
import type { AnnotationStatus } from '../core/staff';

/** Login names are unique case-insensitively: stored trimmed and lower-case. */
export const staffNameKey = (name: string): string => String(name).trim().toLowerCase();

export const nameTaken = (name: string): AppError => new AppError(ErrorCodes.conflict, `The name "${name}" is already taken.`);

/**
 * A turn's annotation is replaced while pending; once reviewed it is refused: an accepted
 * correction may already be training data, so only a new review changes it.
 */
export const alreadyReviewed = (): AppError => new AppError(ErrorCodes.conflict, 'This message was already annotated and reviewed.');

const clamp = (value: number | undefined, fallback: number, max: number): number =>
  Math.max(1, Math.min(max, Math.floor(typeof value === 'number' && Number.isFinite(value) ? value : fallback)));

/** Audit page: 50 by default, at most 500. */
export const auditLimit = (limit?: number): number => clamp(limit, 50, 500);

/** Annotation list: 100 by default, at most 1000. */
export const annotationLimit = (limit?: number): number => clamp(limit, 100, 1000);

/** Refuses a status a review cannot set (the port's type says so; JavaScript callers may not). */
export function reviewStatus(status: string): Exclude<AnnotationStatus, 'pending'> {
  if (status !== 'accepted' && status !== 'rejected') throw new AppError(ErrorCodes.badRequest, 'A review accepts or rejects.');
  return status;
}
